/**
 * DATE, YEAR, MONTH and DAY with Excel's 1900 calendar (src/core/date-serials.ts): serial 60 is the
 * fictitious 1900-02-29 and serial 0 is "1900-01-00". HyperFormula's own are a day off before
 * 1900-03-01 (its calendar has no 1900-02-29) and give 1899-12-30 for 0.
 */
import { CellError } from "hyperformula";
import { MAX_DATE_SERIAL, dateOfSerial, excelDate } from "../../core/date-serials";
import { numError, toNumber, type Value } from "./values";

type Args = (Value | undefined)[];

/** DATE(year, month, day): Office's roll-over of months and days; a year outside 0–9999 is #NUM!. */
export function date(args: Args): Value {
  const parts: number[] = [];
  for (const arg of args.slice(0, 3)) {
    const n = toNumber(arg ?? null);
    if (n instanceof CellError) return n;
    parts.push(n);
  }
  try {
    return excelDate(parts[0], parts[1], parts[2]);
  } catch (error) {
    return numError(error instanceof Error ? error.message : String(error));
  }
}

function datePart(pick: (parts: { year: number; month: number; day: number }) => number): (args: Args) => Value {
  return (args) => {
    const n = toNumber(args[0] ?? null);
    if (n instanceof CellError) return n;
    const serial = Math.trunc(n);
    if (serial < 0 || serial > MAX_DATE_SERIAL) return numError("the serial number is not a date Excel has");
    return pick(serial === 0 ? { year: 1900, month: 1, day: 0 } : dateOfSerial(serial));
  };
}

export const year = datePart((d) => d.year);
export const month = datePart((d) => d.month);
export const day = datePart((d) => d.day);
