import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { FakeExcel } from "../workbook/excel-mock";

/**
 * Issue 5's deterministic budget for the Office applier: writing the qualification matrix takes
 * the same small number of context.sync() round trips (and queued calls) for 10, 1,000 and 10,000
 * partners. The applier's own tests cover 10 to 5,000 rows one size at a time; this compares the
 * sizes with each other, up to 10,000, on the same office-addin-mock Excel.
 */
async function writeMatrix(rows: number): Promise<{ syncs: number; calls: number; lastPartner: unknown }> {
  const partners = Array.from({ length: rows }, (_, index) => `Partner ${index + 1}`);
  const excel = new FakeExcel();
  const { plan, layout } = buildQualificationPlan({ partners });
  await applyPlanToExcel(excel.run, plan);
  const lastRow = layout.firstDataRow + rows; // A1 rows are 1-based, layout rows 0-based
  return {
    syncs: excel.syncCount,
    calls: excel.calls.length,
    lastPartner: excel.sheet(layout.sheet)?.cells.get(`A${lastRow}`),
  };
}

describe("context.sync() calls for the qualification matrix through the Office applier", () => {
  test("are the same small number for 10, 1,000 and 10,000 partners, with the same queued calls", async () => {
    const small = await writeMatrix(10);
    const medium = await writeMatrix(1_000);
    const large = await writeMatrix(10_000);

    expect(small.syncs).toBe(SYNCS_PER_APPLY);
    expect(SYNCS_PER_APPLY).toBeLessThanOrEqual(3);
    expect([medium.syncs, large.syncs]).toEqual([small.syncs, small.syncs]);
    expect([medium.calls, large.calls]).toEqual([small.calls, small.calls]);
    // The whole matrix was written, not just its first rows.
    expect(large.lastPartner).toEqual({ kind: "text", value: "Partner 10000", quotePrefix: true });
  });
});
