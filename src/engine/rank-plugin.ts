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
    return run(ast.args, state, this.metadata("RANK.EQ"), (value, range, order) => {
      const ranked = this.rankedNumbersOf(range);
      return ranked ? rankIn(value, ranked, order) : rankOf(value, range.valuesFromTopLeftCorner(), order);
    });
  }

  /**
   * The range's numbers, sorted, kept in HyperFormula's cache on the range's vertex: a rank column
   * (one RANK per row over the same range) then sorts once and searches per row, instead of
   * reading the whole range for every row (quadratic: a 10,000-partner matrix took ~40 s). The
   * engine clears that cache whenever a cell of the range changes, as it does for SUM's.
   * Undefined for an array that is not a sheet range (read the plain way).
   */
  private rankedNumbersOf(range: SimpleRangeValue): RankedNumbers | undefined {
    const address = range.range;
    if (address === undefined) return undefined;
    const graph = this.dependencyGraph as unknown as DependencyGraphRanges;
    const vertex = graph.getRange(address.start, address.end);
    if (vertex === undefined) return undefined;
    const cached = vertex.getFunctionValue(RANKED_NUMBERS_KEY) as RankedNumbers | undefined;
    if (cached) return cached;
    const ranked = rankedNumbers(range.valuesFromTopLeftCorner());
    vertex.setFunctionValue(RANKED_NUMBERS_KEY, ranked);
    return ranked;
  }
}

/** The parts of HyperFormula's dependency graph and range vertex used here (not in its public types). */
interface DependencyGraphRanges {
  getRange(
    start: unknown,
    end: unknown,
  ): { getFunctionValue(key: string): unknown; setFunctionValue(key: string, value: unknown): void } | undefined;
}

const RANKED_NUMBERS_KEY = "PE:RANK.EQ:sorted numbers";

/** A range's numbers in ascending order, or the first error in it (which every RANK over it returns). */
type RankedNumbers = { sorted: Float64Array } | { error: CellError };

function rankedNumbers(cells: readonly unknown[]): RankedNumbers {
  const numbers: number[] = [];
  for (const cell of cells) {
    if (cell instanceof CellError) return { error: cell };
    if (typeof cell === "number") numbers.push(cell);
  }
  return { sorted: Float64Array.from(numbers).sort() };
}

/** Count of sorted numbers below `value` (strictly below when `orEqual` is false, else at most equal). */
function countBelow(sorted: Float64Array, value: number, orEqual: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value || (orEqual && sorted[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** rankOf over the cached sorted numbers: the same answers by counting instead of scanning. */
function rankIn(value: number, ranked: RankedNumbers, order: number): number | CellError {
  if ("error" in ranked) return ranked.error;
  const below = countBelow(ranked.sorted, value, false);
  const atMost = countBelow(ranked.sorted, value, true);
  if (atMost === below) return new CellError(ErrorType.NA, `${value} is not among the numbers ranked`);
  return order !== 0 ? below + 1 : ranked.sorted.length - atMost + 1;
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
