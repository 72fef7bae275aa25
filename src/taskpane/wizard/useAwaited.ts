import { useEffect, useState } from "react";

/**
 * A value that may still be coming (a preview computed in a lazily loaded engine): the value once
 * it is there, undefined until then. Pass a memoised promise: a new one each render starts over.
 */
export function useAwaited<T>(value: T | Promise<T> | undefined): T | undefined {
  const [settled, setSettled] = useState<{ from: Promise<T>; value: T }>();
  useEffect(() => {
    if (!(value instanceof Promise)) return;
    let current = true;
    void value.then((result) => {
      if (current) setSettled({ from: value, value: result });
    });
    return () => {
      current = false;
    };
  }, [value]);
  if (!(value instanceof Promise)) return value;
  return settled?.from === value ? settled.value : undefined;
}
