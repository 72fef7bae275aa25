import * as oldApplier from "../../src/workbook/appliers/office-old";
import * as newApplier from "../../src/workbook/appliers/office";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { FakeExcel } from "../workbook/excel-mock";
test.each([1_000, 10_000, 30_000])("measure %d", async (n) => {
  const plan = buildQualificationPlan({ partners: Array.from({ length: n }, (_, i) => `Partner ${i + 1}`) }).plan;
  for (const [name, applier] of [["before", oldApplier], ["after", newApplier]] as const) {
    const excel = new FakeExcel();
    await applier.applyPlanToExcel(plan, excel.run);
    console.log(n, name, excel.syncPayloads, excel.calls.length);
  }
});
