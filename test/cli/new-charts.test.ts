import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { schemaOrderProblems } from "../workbook/chart-schema-order";
import { peCalcInProcess, ROOT, scratchFolder } from "./support";

/**
 * Every model with a chart writes it into its file as a DrawingML chart (issue 13): the parts are
 * in schema order and each series carries cached numbers from the engine.
 */
const scratch = scratchFolder("pe-new-charts-");
const example = (name: string) => join(ROOT, "docs", "examples", name);

const MODELS: [string, string[], string][] = [
  ["deal", ["--from", example("deal.json")], "c:barChart"],
  ["deal-options", ["--from", example("deal-options.json")], "c:lineChart"],
  [
    "scorecard",
    [
      "--actuals",
      example("scorecard-actuals.csv"),
      "--contracts",
      example("scorecard-contracts.csv"),
      "--plan",
      example("scorecard-plan.json"),
    ],
    "c:barChart",
  ],
  ["payouts", ["--ledger", example("payouts-ledger.csv"), "--plan", example("payouts-plan.json")], "c:barChart"],
];

describe("pe-calc new writes the model's chart", () => {
  test.each(MODELS)("%s", async (model, args, kind) => {
    const output = scratch.path(`${model}.xlsx`);
    const result = await peCalcInProcess(["new", model, ...args, "-o", output, "--force"]);
    expect(result.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(output));
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain(`<${kind}>`);
    expect(schemaOrderProblems(chart)).toEqual([]);
    expect(schemaOrderProblems(await zip.file("xl/drawings/drawing1.xml")!.async("string"))).toEqual([]);
    // At least one series point holds a number the engine computed or the input gave.
    expect(chart).toMatch(/<c:numCache>.*?<c:pt idx="\d+"><c:v>-?[0-9.eE+-]+<\/c:v><\/c:pt>/);
  });
});
