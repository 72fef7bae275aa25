import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../../src/engine";

/** A one-sheet engine from rows; cells are addressed in A1 notation on that sheet. */
export function sheetEngine(rows: RawCellContent[][]): {
  engine: HyperFormula;
  value: (a1: string) => unknown;
  values: (range: string) => unknown[][];
} {
  const engine = createEngine({}, { Sheet1: rows });
  const sheet = engine.getSheetId("Sheet1") as number;
  const address = (a1: string) => {
    const parsed = engine.simpleCellAddressFromString(a1, sheet);
    if (!parsed) throw new Error(`bad address ${a1}`);
    return parsed;
  };
  return {
    engine,
    value: (a1) => engine.getCellValue(address(a1)),
    values: (range) => {
      const [start, end] = range.split(":").map(address);
      return engine.getRangeValues({ start, end });
    },
  };
}

/** An engine error as { type, message } for compact assertions (type is HyperFormula's: NUM, VALUE, NA, …). */
export function errorOf(value: unknown): { type: string; message: string } {
  if (typeof value !== "object" || value === null || !("type" in value))
    throw new Error(`not an error: ${JSON.stringify(value)}`);
  const { type, message } = value as { type: string; message: string };
  return { type, message };
}
