import { excelDate, isoDate } from "../../src/core/date-serials";
import { periodKey, PERIOD_FREQUENCIES } from "../../src/core/period";
import { DIALECTS } from "../../src/core/sql/dialects";
import { periodKeyOfDate } from "../../src/core/sql/keys";
import { sqlNumber } from "../../src/core/sql/literals";
import { openDuck, type Duck } from "./support";

/**
 * The building blocks, run in DuckDB: PE.PERIOD's key for every month under every fiscal-year
 * start and frequency, and plan numbers that come back from SQL as the very same doubles.
 */

const duckdb = DIALECTS.duckdb;
let duck: Duck;

beforeAll(async () => {
  duck = await openDuck();
});

afterAll(() => duck?.close());

test("the SQL period key is PE.PERIOD's for every month, frequency and fiscal-year start", async () => {
  const dates: number[] = [excelDate(1900, 3, 1), excelDate(9999, 12, 31)];
  for (let year = 2025; year <= 2027; year++) {
    for (let month = 1; month <= 12; month++) dates.push(excelDate(year, month, 1), excelDate(year, month, 28));
  }
  const values = dates.map((serial, index) => `(${index}, DATE '${isoDate(serial)}')`).join(", ");
  for (const frequency of PERIOD_FREQUENCIES) {
    for (let start = 1; start <= 12; start++) {
      const rows = await duck.rows(
        `SELECT i, ${periodKeyOfDate(duckdb, "d", frequency, start)} AS k FROM (VALUES ${values}) AS t(i, d) ORDER BY i`,
      );
      expect(rows.map((row) => row.k)).toEqual(dates.map((serial) => periodKey(serial, frequency, start)));
    }
  }
});

test("plan numbers reach SQL as literals that are read back as the same doubles", async () => {
  const numbers = [
    0,
    -0,
    0.1 + 0.2,
    0.01,
    1e-7,
    1e21,
    -1234.5678,
    123456789.12345679,
    5e-324,
    Number.MAX_VALUE,
    2 ** 53 + 2,
    1 / 3,
  ];
  const select = numbers.map((value, index) => `${sqlNumber(duckdb, value, "n")} AS n${index}`).join(", ");
  const [row] = await duck.rows(`SELECT ${select}`);
  numbers.forEach((value, index) => expect(row[`n${index}`]).toBe(value === 0 ? 0 : value));
});
