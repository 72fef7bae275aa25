import { applyPlanToExcel, SYNCS_PER_APPLY } from "../../src/workbook/appliers/office";
import { LARGE_WRITE_ROWS, WriteCancelledError } from "../../src/workbook/appliers/office-progress";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { emptyPlan, formula, num, text, type WorkbookPlan } from "../../src/workbook/plan";
import { enterCell, FakeExcel } from "./excel-mock";

/**
 * Issue 13 item 7: a pane write of more than ~2,000 rows reports determinate progress after each
 * sync and can be cancelled between two syncs, leaving the workbook as it was (the Excel mock
 * counts the syncs and holds the cells).
 */
function matrix(partners: number): WorkbookPlan {
  return buildQualificationPlan({ partners: Array.from({ length: partners }, (_, i) => `Partner ${i + 1}`) }).plan;
}

/** The whole mock workbook as comparable data. */
function workbookState(excel: FakeExcel): unknown {
  return JSON.parse(
    JSON.stringify({
      sheets: excel.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort(),
        numberFormats: [...s.numberFormats.entries()].sort(),
        formats: [...s.formats.entries()].sort(),
      })),
      names: excel.names,
      tables: excel.tables,
      charts: excel.charts,
      settings: [...excel.settings.entries()],
    }),
  );
}

describe("progress of large pane writes", () => {
  test("10,000 partners go out in 11 write syncs, one progress event after each, determinate and ending at 100%", async () => {
    const excel = new FakeExcel();
    const events: [number, number][] = [];
    await applyPlanToExcel(excel.run, matrix(10_000), {
      splitLargeWrites: true,
      onSyncProgress: (done, total) => events.push([done, total]),
    });
    const writeSyncs = excel.syncCount - 1; // the first sync is the read
    // About PROGRESS_SYNCS (10): the budget is a tenth of the bytes, and pieces do not fill it exactly.
    expect(writeSyncs).toBe(11);
    // One event before the first write sync (0 done), then one per sync.
    expect(events.filter(([done]) => done > 0)).toHaveLength(writeSyncs);
    expect(events).toEqual(Array.from({ length: writeSyncs + 1 }, (_, i) => [i, writeSyncs]));
    expect(Math.max(...excel.syncPayloads)).toBeLessThan(1_000_000);
    expect(excel.sheet("Qualification")!.cells.get("A10010")).toMatchObject({ kind: "text", value: "Partner 10000" });
  });

  test("a write of 2,000 rows or fewer, or one that does not ask, stays one write sync", async () => {
    const small = new FakeExcel();
    const smallEvents: number[] = [];
    const rows = matrix(LARGE_WRITE_ROWS - 20);
    await applyPlanToExcel(small.run, rows, { splitLargeWrites: true, onSyncProgress: (done) => smallEvents.push(done) });
    expect(small.syncCount).toBe(SYNCS_PER_APPLY);
    expect(smallEvents).toEqual([0, 1]);

    const unsplit = new FakeExcel();
    await applyPlanToExcel(unsplit.run, matrix(10_000));
    expect(unsplit.syncCount).toBe(SYNCS_PER_APPLY);
  });

  test("Cancel in the middle stops before the next sync and leaves every cell, sheet, name and setting as it was", async () => {
    const excel = new FakeExcel(["Data", "Sheet2"]);
    const data = excel.sheet("Data")!;
    const put = (address: string, entry: unknown, numberFormat?: string) => {
      data.cells.set(address, enterCell(entry)!);
      if (numberFormat) data.numberFormats.set(address, numberFormat);
    };
    for (let r = 1; r <= 3_000; r++)
      put(`A${r}`, r % 3 === 0 ? `'=${r}` : r % 3 === 1 ? r * 1.5 : `Old ${String.fromCharCode(65 + (r % 26))}`);
    put("B1", 45_000, "yyyy-mm-dd");
    put("B2", "'00123");
    data.formats.set("B1", { "font.bold": true });
    excel.settings.set("pe.test", '{"before":true}');
    const before = workbookState(excel);

    // A large matrix on a new sheet and 3,000 rows written over the existing sheet's cells.
    const plan = matrix(5_000);
    const over = emptyPlan("test");
    over.sheets.push({
      name: "Data",
      target: "existing",
      blocks: [
        {
          at: "A1",
          cells: Array.from({ length: 3_000 }, (_, r) => [r % 2 ? formula(`=B${r + 1}*2`) : text(`new ${r}`), num(r)]),
        },
      ],
      numberFormats: [{ range: "B1:B3000", format: "0.0" }],
    });
    plan.sheets.push(...over.sheets);
    plan.settings.push({ key: "pe.test", json: "{}" });

    const cancelling = new AbortController();
    const events: [number, number][] = [];
    const write = applyPlanToExcel(excel.run, plan, {
      overwrite: true,
      splitLargeWrites: true,
      signal: cancelling.signal,
      onSyncProgress: (done, total) => {
        events.push([done, total]);
        if (done === 3) cancelling.abort();
      },
    });
    await expect(write).rejects.toThrow(WriteCancelledError);
    await expect(write).rejects.toMatchObject({ rolledBack: true, message: expect.stringContaining("you cancelled it") });
    const [, total] = events[0];
    expect(total).toBeGreaterThan(4);
    // Stopped after the third write sync: no fourth was sent (1 read + 3 writes + 2 rollback syncs).
    expect(events.map(([done]) => done)).toEqual([0, 1, 2, 3]);
    expect(excel.syncCount).toBe(1 + 3 + 2);
    expect(workbookState(excel)).toEqual(before);
  });
});
