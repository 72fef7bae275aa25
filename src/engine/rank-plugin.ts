import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type SimpleRangeValue } from "hyperformula";

/**
 * Excel's RANK.EQ and RANK, which HyperFormula lacks. Without them a rank column needs
 * SUMPRODUCT(--(range>x))+1 per row, which is quadratic in array building and made a
 * 5,000-partner matrix take seconds; here each call is one pass over the range's numbers.
 * Semantics as Excel: order 0 or omitted ranks the largest as 1, any other order the smallest;
 * text, booleans and blanks in the range are ignored; a number not in the range is #N/A.
 */
export class RankPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "RANK.EQ": {
      method: "rank",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, defaultValue: 0 },
      ],
    },
    RANK: {
      method: "rank",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true, defaultValue: 0 },
      ],
    },
  };

  rank(ast: { args: unknown[] }, state: unknown) {
    // HyperFormula's plugin helpers take its internal AST and state types, which it does not export.
    const run = this.runFunction.bind(this) as unknown as (
      args: unknown[],
      state: unknown,
      metadata: unknown,
      fn: (value: number, range: SimpleRangeValue, order: number) => number | CellError,
    ) => unknown;
    return run(ast.args, state, this.metadata("RANK.EQ"), (value, range, order) => rankOf(value, range.valuesFromTopLeftCorner(), order));
  }
}

function rankOf(value: number, cells: readonly unknown[], order: number): number | CellError {
  const ascending = order !== 0;
  let ahead = 0;
  let found = false;
  for (const cell of cells) {
    if (cell instanceof CellError) return cell;
    if (typeof cell !== "number") continue;
    if (cell === value) found = true;
    else if (ascending ? cell < value : cell > value) ahead++;
  }
  return found ? ahead + 1 : new CellError(ErrorType.NA, `${value} is not among the numbers ranked`);
}

let registered = false;

export function registerRankFunctions(): void {
  if (registered) return;
  const names = { "RANK.EQ": "RANK.EQ", RANK: "RANK" };
  HyperFormula.registerFunctionPlugin(
    RankPlugin,
    Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])),
  );
  registered = true;
}
