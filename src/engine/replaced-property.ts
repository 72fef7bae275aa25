/**
 * Runs `run` with `target[key]` replaced by `value`, then puts back exactly what was there: the own
 * property as it was (its descriptor), or none, so that an inherited method shows through again.
 * How a build hooks into HyperFormula's private objects for its duration (shared-parses.ts,
 * unrecorded-changes.ts).
 */
export function whileReplaced<T>(target: object, key: string, value: unknown, run: () => T): T {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: own?.enumerable ?? false });
  try {
    return run();
  } finally {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  }
}
