import { applyPlanToExcel } from "../../src/workbook/appliers/office";
import { DEFAULT_SYNC_BUDGET } from "../../src/workbook/appliers/office-ranges";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { FakeExcel } from "../../test/workbook/excel-mock";
import type { BenchOptions, CaseResult } from "../harness";

/**
 * context.sync() calls for writing the qualification matrix through the Office applier, counted
 * on the office-addin-mock Excel of the applier's own tests. The count must not grow with the
 * rows (test/perf/sync-counts.test.ts checks it); this reports it next to the timings, with the
 * request bytes of the largest sync against the applier's 1 MB budget (Excel on the web refuses
 * a request over 5 MB; test/workbook/office-payload.test.ts holds the figures).
 */
export const SYNC_SIZES = [10, 1_000, 10_000] as const;

export async function syncCountCases(_options: BenchOptions): Promise<CaseResult[]> {
  const counts: { rows: number; syncs: number; calls: number; largestSync: number }[] = [];
  for (const rows of SYNC_SIZES) {
    const partners = Array.from({ length: rows }, (_, index) => `Partner ${index + 1}`);
    const excel = new FakeExcel();
    await applyPlanToExcel(excel.run, buildQualificationPlan({ partners }).plan);
    counts.push({ rows, syncs: excel.syncCount, calls: excel.calls.length, largestSync: Math.max(...excel.syncPayloads) });
  }
  const [fewest] = counts;
  const most = counts[counts.length - 1];
  return [
    {
      case: "context.sync() calls writing a 10 / 1,000 / 10,000-row matrix through the Office applier (office-addin-mock)",
      ours: most.syncs,
      reference: fewest.syncs,
      ratio: most.syncs / fewest.syncs,
      target: 1,
      met: counts.every((count) => count.syncs === fewest.syncs),
      unit: "syncs",
      note: counts
        .map((count) => `${count.rows.toLocaleString("en-US")} rows: ${count.syncs} syncs, ${count.calls} queued calls`)
        .join("; "),
    },
    {
      case: "request bytes of the largest sync writing a 10,000-row matrix (office-addin-mock) vs a 1 MB budget",
      ours: most.largestSync,
      reference: DEFAULT_SYNC_BUDGET,
      ratio: most.largestSync / DEFAULT_SYNC_BUDGET,
      target: 1,
      met: most.largestSync <= DEFAULT_SYNC_BUDGET,
      unit: "bytes",
      note: counts
        .map((count) => `${count.rows.toLocaleString("en-US")} rows: ${count.largestSync.toLocaleString("en-US")} bytes`)
        .join("; "),
    },
  ];
}
