/**
 * A cap on the arrays a formula may create, checked before anything is allocated:
 * `=SUM(SEQUENCE(39000,18000))` asks for 702 million cells, which would exhaust memory long before
 * an answer. HyperFormula bounds SEQUENCE's rows and columns one by one (by its maxRows and
 * maxColumns) but not their product, so we wrap its SEQUENCE implementation: the size check at
 * parse time (`sizeOfResultArrayMethod`) and the evaluation, which gives #NUM! with a message
 * naming the limit instead of building the array.
 */
import { CellError, ErrorType, HyperFormula } from "hyperformula";

/** Most cells one formula's array may have (about 16 MB of numbers in every copy the engine makes). */
export const MAX_ARRAY_CELLS = 2_000_000;

type PluginPrototype = Record<string, unknown> & {
  runFunction: (args: unknown[], state: unknown, metadata: unknown, fn: (...values: number[]) => unknown) => unknown;
  metadata: (name: string) => unknown;
};

const LIMITED = Symbol.for("partner-economics.array-limit");

export function arrayTooLargeMessage(rows: number, columns: number): string {
  return `the array would have ${(rows * columns).toLocaleString("en-US")} cells (${rows.toLocaleString("en-US")} × ${columns.toLocaleString("en-US")}); pe-calc allows ${MAX_ARRAY_CELLS.toLocaleString("en-US")}`;
}

/** Wraps SEQUENCE so that an oversized array is refused; safe to call more than once. */
export function limitArrayFunctions(): void {
  const plugin = HyperFormula.getFunctionPlugin("SEQUENCE") as unknown as { prototype: PluginPrototype } | undefined;
  if (!plugin || plugin.prototype[LIMITED as unknown as string]) return;
  const proto = plugin.prototype;
  const evaluate = proto.sequence as (this: PluginPrototype, ast: { args: unknown[] }, state: unknown) => unknown;
  const predict = proto.sequenceArraySize as (
    this: PluginPrototype,
    ast: unknown,
    state: unknown,
  ) => { width: number; height: number };
  proto.sequenceArraySize = function (this: PluginPrototype, ast: unknown, state: unknown) {
    const size = predict.call(this, ast, state);
    if (size.width * size.height > MAX_ARRAY_CELLS)
      return new (size.constructor as new (w: number, h: number, r: boolean) => unknown)(1, 1, true);
    return size;
  };
  proto.sequence = function (this: PluginPrototype, ast: { args: unknown[] }, state: unknown) {
    const check = this.runFunction(ast.args, state, this.metadata("SEQUENCE"), (rows: number, columns: number = 1) => {
      const r = Math.trunc(rows);
      const c = Math.trunc(columns);
      return Number.isFinite(r) && Number.isFinite(c) && r * c > MAX_ARRAY_CELLS
        ? new CellError(ErrorType.NUM, arrayTooLargeMessage(r, c))
        : true;
    });
    return check instanceof CellError ? check : evaluate.call(this, ast, state);
  };
  Object.defineProperty(proto, LIMITED, { value: true });
}
