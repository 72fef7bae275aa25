import { definedNameProblem } from "../../src/workbook/defined-names";
import { parsePartnerList, partnersFromSelection } from "../../src/workbook/models/qualification/partner-list";
import {
  buildQualificationPlan,
  QUALIFICATION_SETTINGS_KEY,
  QualificationInputError,
  restoreQualificationInput,
} from "../../src/workbook/models/qualification";
import { DEFAULT_CRITERIA } from "../../src/workbook/models/qualification/defaults";
import {
  blankPartners,
  defaultQualificationInput,
  validateQualificationInput,
} from "../../src/workbook/models/qualification/input";
import type { CellContent } from "../../src/workbook/plan";
import { validatePlan } from "../../src/workbook/validate-plan";

function contents(plan: ReturnType<typeof buildQualificationPlan>["plan"]): CellContent[] {
  return plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat()));
}

describe("qualification input", () => {
  test("defaults follow the framework: five criteria 30/25/20/15/10 with five guidance points each, scale 5, tiers 85/70/50", () => {
    const input = defaultQualificationInput(["Acme"]);
    expect(input.criteria.map((c) => [c.name, c.weight])).toEqual([
      ["Strategic fit", 30],
      ["Market reach", 25],
      ["Capabilities", 20],
      ["Financial health", 15],
      ["Track record", 10],
    ]);
    expect(input.criteria.every((c) => c.guidance.length === 5)).toBe(true);
    expect(input.scale).toBe(5);
    expect(input.tiers).toEqual([
      { threshold: 85, label: "Tier 1" },
      { threshold: 70, label: "Tier 2" },
      { threshold: 50, label: "Tier 3" },
    ]);
    expect(input.belowLabel).toBe("Not qualified");
    expect(input.sheetName).toBe("Qualification");
    expect(validateQualificationInput(input)).toEqual({ ok: true, input, warnings: [] });
  });

  test("weights that do not add up to 100% are a warning, not an error", () => {
    const criteria = DEFAULT_CRITERIA.map((c) => ({ ...c, weight: c.weight === 10 ? 5 : c.weight }));
    const result = validateQualificationInput({ partners: ["Acme"], criteria });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: "weights",
        message:
          "the weights add up to 95%, not 100%: each criterion counts in proportion to its weight (scores still run 0 to 100)",
      },
    ]);
  });

  test("field-level errors say what to fix", () => {
    const result = validateQualificationInput({
      partners: ["Acme", "acme", ""],
      criteria: [
        { name: "Fit", weight: 50 },
        { name: "", weight: 30 },
        { name: "FIT", weight: -1 },
        { name: "Score", weight: 20 },
      ],
      ratings: [[1, 2, 9, 0]],
      scale: 0,
      tiers: [
        { threshold: 80, label: "Top" },
        { threshold: 80, label: "top" },
        { threshold: 120, label: ">50" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { path: "criteria.1.name", message: "give criterion 2 a name (it becomes a column header)" },
      { path: "criteria.2.name", message: '"FIT" is already the name of another criterion' },
      { path: "criteria.2.weight", message: "the weight of FIT must be 0 or more, not -1" },
      { path: "criteria.3.name", message: '"Score" is a column the matrix already has; choose another name' },
      { path: "scale", message: "the rating scale must be above 0 (e.g. 5), not 0" },
      { path: "tiers.0.label", message: 'the label "Top" is used for two tiers' },
      { path: "tiers.1.threshold", message: "two tiers start at 80" },
      { path: "tiers.1.label", message: 'the label "top" is used for two tiers' },
      { path: "tiers.2.threshold", message: "a tier starts at a score from 0 to 100, not 120" },
      {
        path: "tiers.2.label",
        message:
          '">50": a tier label cannot start with =, < or > or contain *, ? or ~ (the tier counts would read it as a pattern)',
      },
    ]);
    expect(result.warnings).toEqual([
      { path: "partners.1", message: '"acme" in row 2 also appears in row 1; both rows will be scored' },
    ]);
  });

  test("ratings outside the scale name the partner and criterion", () => {
    const result = validateQualificationInput({
      partners: ["Acme", "Globex"],
      ratings: [
        [5, 5, 5, 5, 5],
        [1, 2, 6, null, 0],
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: "ratings.1.2", message: "Globex: the Capabilities rating 6 is outside 0 to 5" }],
    });
    expect(validateQualificationInput({ partners: ["A"], ratings: [[1, 2]] })).toMatchObject({
      ok: false,
      errors: [{ path: "ratings.0", message: "row 1 has 2 ratings but there are 5 criteria" }],
    });
  });

  test("wrong types are reported at their path", () => {
    const result = validateQualificationInput({ partners: ["A"], criteria: [{ name: "Fit", weight: "30%" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].path).toBe("criteria.0.weight");
  });

  test("a matrix needs partners or blank rows; blank rows are fine", () => {
    expect(validateQualificationInput({ partners: [] })).toMatchObject({ ok: false, errors: [{ path: "partners" }] });
    expect(validateQualificationInput({ partners: blankPartners(3) }).ok).toBe(true);
    expect(blankPartners(2.7)).toEqual(["", ""]);
  });

  test("no label below the lowest tier is allowed with a warning", () => {
    expect(validateQualificationInput({ partners: ["A"], belowLabel: "" })).toMatchObject({
      ok: true,
      warnings: [{ path: "belowLabel" }],
    });
  });
});

describe("partner lists", () => {
  test("a pasted list gives one name per line; spreadsheet rows give their first cell", () => {
    expect(parsePartnerList('Acme\r\n\r\n  Globex  \nAcme, Inc.\tUS\t5\n"Big ""Q"" Ltd"\n=cmd|\' /C calc\'!A0\n')).toEqual([
      "Acme",
      "Globex",
      "Acme, Inc.",
      'Big "Q" Ltd',
      "=cmd|' /C calc'!A0",
    ]);
  });

  test("a selection's first column, blanks skipped, header optional", () => {
    expect(
      partnersFromSelection(
        [
          ["Partner", "x"],
          ["Acme", 1],
          [null, 2],
          [42, 3],
          [true, 4],
          ["", 5],
        ],
        true,
      ),
    ).toEqual(["Acme", "42", "TRUE"]);
  });
});

describe("buildQualificationPlan", () => {
  test("builds a valid plan with named inputs, one table row per partner and the PE formulas", () => {
    const R = "QualificationMatrix[@[Strategic fit]:[Track record]]";
    const S = "QualificationMatrix[@Score]";
    const { plan, layout, warnings } = buildQualificationPlan({ partners: ["Acme", "Globex"] });
    expect(validatePlan(plan)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plan.sheets).toHaveLength(1);
    const sheet = plan.sheets[0];
    expect(sheet.name).toBe("Qualification");
    expect(plan.names.map((n) => [n.name, n.sheet, n.range])).toEqual([
      ["Qual_Weights", "Qualification", "B4:F4"],
      ["Qual_Scale", "Qualification", "B5"],
      ["Qual_Thresholds", "Qualification", "I4:I6"],
      ["Qual_Labels", "Qualification", "J4:J7"],
      ["Qual_Scores", "Qualification", "G11:G12"],
    ]);
    expect(plan.names.every((n) => definedNameProblem(n.name) === null)).toBe(true);
    expect(sheet.tables).toEqual([
      {
        name: "QualificationMatrix",
        range: "A10:L12",
        columns: [
          "Partner",
          "Strategic fit",
          "Market reach",
          "Capabilities",
          "Financial health",
          "Track record",
          "Score",
          "Tier",
          "Rank",
          "Complete?",
          "Gap to next tier",
          "Tier stable?",
        ],
        style: "TableStyleMedium2",
        showBandedRows: true,
        calculatedColumns: {
          Score: `=IF(COUNT(${R})=0,"",PE.PARTNER_SCORE(${R},Qual_Weights*ISNUMBER(${R}),Qual_Scale))`,
          Tier: `=IF(COUNT(${R})=0,"Not rated",PE.TIER(${S},Qual_Thresholds,Qual_Labels)&IF(COUNTBLANK(${R})>0," (provisional)",""))`,
          Rank: `=IF(ISNUMBER(${S}),RANK(${S},Qual_Scores),"")`,
          "Complete?": `=IF(COUNT(${R})=0,"Not rated",IF(COUNTBLANK(${R})=0,"Yes","Missing "&COUNTBLANK(${R})))`,
          "Gap to next tier": `=IF(ISNUMBER(${S}),PE.TIER_GAP(${S},Qual_Thresholds,Qual_Labels),"")`,
          "Tier stable?": `=IF(COUNT(${R})=0,"",PE.TIER_STABLE(${R},Qual_Weights*ISNUMBER(${R}),Qual_Scale,,Qual_Thresholds,Qual_Labels))`,
        },
      },
    ]);
    // Every data row holds its calculated columns' formulas, word for word (they name the row by @).
    const calculated = Object.values(sheet.tables![0].calculatedColumns!);
    for (const row of sheet.blocks.find((b) => b.at === "A11")!.cells)
      expect(row.slice(6).map((c) => (c.kind === "formula" ? c.formula : c.kind))).toEqual(calculated);
    // The scores name is the table's Score column, so a partner added as a table row is ranked too.
    expect(plan.names.find((n) => n.name === "Qual_Scores")!.refersTo).toBe("=QualificationMatrix[Score]");
    expect(sheet.blocks.find((b) => b.at === "I3")!.cells.map((r) => (r[2].kind === "formula" ? r[2].formula : ""))).toEqual([
      "",
      '=COUNTIF(QualificationMatrix[Tier],J4)+COUNTIF(QualificationMatrix[Tier],J4&" (provisional)")',
      '=COUNTIF(QualificationMatrix[Tier],J5)+COUNTIF(QualificationMatrix[Tier],J5&" (provisional)")',
      '=COUNTIF(QualificationMatrix[Tier],J6)+COUNTIF(QualificationMatrix[Tier],J6&" (provisional)")',
      '=COUNTIF(QualificationMatrix[Tier],J7)+COUNTIF(QualificationMatrix[Tier],J7&" (provisional)")',
      '=COUNTIF(QualificationMatrix[[Complete?]],"Not rated")',
    ]);
    expect(layout).toMatchObject({
      headerRow: 9,
      firstDataRow: 10,
      partnerCount: 2,
      columns: { score: 6, tier: 7, rank: 8, complete: 9, gap: 10, stable: 11 },
    });
  });

  test("formulas use structured references to the table only, the named inputs and functions both Excel and the engine know", () => {
    const { plan } = buildQualificationPlan({ partners: ["A", "B", "C"] });
    const formulas = contents(plan).flatMap((c) => (c.kind === "formula" ? [c.formula] : []));
    const tables = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\[/g)].map((m) => m[1])));
    expect([...tables]).toEqual(["QualificationMatrix"]);
    const functions = new Set(formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1])));
    expect([...functions].sort()).toEqual([
      "COUNT",
      "COUNTBLANK",
      "COUNTIF",
      "IF",
      "ISNUMBER",
      "PE.PARTNER_SCORE",
      "PE.TIER",
      "PE.TIER_GAP",
      "PE.TIER_STABLE",
      "RANK",
      "SUM",
    ]);
  });

  test("partner names are always text content, never formulas", () => {
    const names = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"];
    const { plan } = buildQualificationPlan({ partners: names });
    const all = contents(plan);
    expect(all.filter((c) => c.kind === "text" && names.includes(c.text))).toHaveLength(4);
    expect(all.some((c) => c.kind === "formula" && (c.formula.includes("cmd") || c.formula.includes("SUM(A1)")))).toBe(false);
  });

  test("ratings given in the input fill the rating cells; missing ones stay blank", () => {
    const { plan } = buildQualificationPlan({ partners: ["A", "B"], ratings: [[5, 4, null, 2, 1]] });
    const rows = plan.sheets[0].blocks.find((b) => b.at === "A11")!.cells;
    expect(rows[0].slice(0, 6)).toEqual([
      { kind: "text", text: "A" },
      { kind: "number", value: 5 },
      { kind: "number", value: 4 },
      { kind: "blank" },
      { kind: "number", value: 2 },
      { kind: "number", value: 1 },
    ]);
    expect(rows[1].slice(1, 6).every((c) => c.kind === "blank")).toBe(true);
  });

  test("formatting: a fill per tier, warnings for missing ratings, unstable tiers and weights off 100%", () => {
    const { plan } = buildQualificationPlan({ partners: ["A"] });
    const cfs = plan.sheets[0].conditionalFormats!;
    expect(cfs.map((c) => [c.range, c.rule])).toEqual([
      ["H11:H11", { kind: "equals", value: "Tier 1" }],
      ["H11:H11", { kind: "equals", value: "Tier 1 (provisional)" }],
      ["H11:H11", { kind: "equals", value: "Tier 2" }],
      ["H11:H11", { kind: "equals", value: "Tier 2 (provisional)" }],
      ["H11:H11", { kind: "equals", value: "Tier 3" }],
      ["H11:H11", { kind: "equals", value: "Tier 3 (provisional)" }],
      ["H11:H11", { kind: "equals", value: "Not qualified" }],
      ["H11:H11", { kind: "equals", value: "Not qualified (provisional)" }],
      ["J11:J11", { kind: "formula", formula: '=LEFT(J11,7)="Missing"' }],
      ["L11:L11", { kind: "equals", value: false }],
      ["G4", { kind: "formula", formula: "=ROUND(G4,6)<>100" }],
    ]);
    const validations = plan.sheets[0].validations!;
    expect(validations[0]).toMatchObject({
      range: "B11:B11",
      rule: { kind: "decimal", min: 0, max: { formula: "=Qual_Scale" } },
      prompt: { title: "Strategic fit" },
    });
    expect(validations[0].prompt!.message).toMatch(
      /^Rate 0 to the scale \(5 when built\)\. Look for: Shared vision and values; /,
    );
    expect(validations.every((v) => (v.prompt?.message.length ?? 0) <= 255)).toBe(true);
    expect(plan.sheets[0].freeze).toEqual({ rows: 10, columns: 1 });
    expect(plan.sheets[0].print).toEqual({ area: "A1:L11", orientation: "landscape", fitToWidth: true, titleRows: "10:10" });
    expect(plan.sheets[0].charts).toEqual([
      { type: "columnClustered", source: "J3:K7", title: "Partners by tier", from: "M10", to: "O25" },
    ]);
  });

  test("custom criteria and tiers move the layout and keep blocks apart", () => {
    const { plan, layout } = buildQualificationPlan({
      partners: ["A"],
      criteria: Array.from({ length: 8 }, (_, i) => ({ name: `C${i + 1}`, weight: 1 })),
      tiers: [
        { threshold: 50, label: "Silver" },
        { threshold: 90, label: "Gold" },
      ],
      belowLabel: "",
      chart: false,
    });
    expect(validatePlan(plan)).toEqual([]);
    expect(layout.headerRow).toBe(12);
    expect(layout.tierCounts.map((t) => t.label)).toEqual(["Gold", "Silver"]);
    expect(plan.names.find((n) => n.name === "Qual_Labels")!.range).toBe("M4:M5");
    expect(plan.sheets[0].charts).toEqual([]);
  });

  test("saves the inputs without the partner list under a documented key, and restores them", () => {
    const { plan } = buildQualificationPlan({ partners: ["Acme", "Globex"], scale: 10 });
    expect(plan.settings.map((s) => s.key)).toEqual([QUALIFICATION_SETTINGS_KEY]);
    const saved = JSON.parse(plan.settings[0].json);
    // The one saved-input format (issue 10): flat answers led by wizard and version, as deal and charter save theirs.
    expect(saved).toMatchObject({ wizard: "qualification", version: 2, partnerCount: 2, scale: 10, sheetName: "Qualification" });
    expect(saved.partners).toBeUndefined();
    expect(saved.ratings).toBeUndefined();
    const restored = restoreQualificationInput(plan.settings[0].json)!;
    expect(restored.scale).toBe(10);
    expect(restored.partners).toEqual([]);
    expect(restoreQualificationInput("{broken")).toBeNull();
    expect(restoreQualificationInput('{"wizard":"deal","version":1}')).toBeNull();
  });

  test("inputs saved in the first format (version 1, answers under input) still load", () => {
    const older = JSON.stringify({
      version: 1,
      wizard: "qualification",
      sheet: "Qualification (2)",
      partnerCount: 2,
      input: { sheetName: "Qualification", scale: 10, belowLabel: "Below", chart: false },
    });
    const restored = restoreQualificationInput(older)!;
    expect(restored).toMatchObject({ sheetName: "Qualification", scale: 10, belowLabel: "Below", chart: false, partners: [] });
    expect(restoreQualificationInput(JSON.stringify({ version: 1, wizard: "qualification", input: "x" }))).toBeNull();
  });

  test("a second matrix gets a fresh sheet, names and table name", () => {
    const { plan, layout } = buildQualificationPlan(
      { partners: ["A"] },
      ["Qualification"],
      ["Qual_Weights", "Qual_Scale", "Qual_Thresholds", "Qual_Labels", "QualificationMatrix"],
    );
    expect(layout.sheet).toBe("Qualification (2)");
    expect(plan.names.map((n) => n.name)).toEqual([
      "Qual2_Weights",
      "Qual2_Scale",
      "Qual2_Thresholds",
      "Qual2_Labels",
      "Qual2_Scores",
    ]);
    expect(layout.tableName).toBe("QualificationMatrix2");
    expect(plan.names.every((n) => n.sheet === "Qualification (2)")).toBe(true);
  });

  test("invalid input throws with every field message", () => {
    expect(() => buildQualificationPlan({ partners: ["A"], scale: -1 })).toThrow(QualificationInputError);
    expect(() => buildQualificationPlan({ partners: ["A"], scale: -1 })).toThrow(
      "scale: the rating scale must be above 0 (e.g. 5), not -1",
    );
  });
});
