import { createEngineHost } from "../../src/taskpane/hosts/engine-host";
import { WorkbookStore } from "../../src/workbench/grid/workbook-store";
import { restoreSavedWorkbook, savedWorkbookOf } from "../../src/workbench/persist/saved-workbook";
import { workbenchEngine } from "../../src/workbench/workbench-session";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { cellAddress, parseCell } from "../../src/workbook/a1";

async function withMatrix() {
  const store = new WorkbookStore(workbenchEngine());
  const built = buildQualificationPlan({
    partners: ["Acme", "Globex"],
    ratings: [
      [5, 5, 5, 5, 5],
      [1, 2, 3, 4, 5],
    ],
  });
  await createEngineHost(store.engineWorkbook()).apply(built.plan);
  return { store, layout: built.layout };
}

const valueAt = (store: WorkbookStore, sheet: string, address: string) =>
  store.hf.getCellValue({ sheet: store.sheetId(sheet), ...parseCell(address) });

describe("the workbench store", () => {
  it("typing in the row just below a table extends it: calculated columns fill, counts and ranks follow, one undo takes it back", async () => {
    const { store, layout } = await withMatrix();
    const row = layout.firstDataRow + 2;
    const cell = (col: number) => cellAddress({ row, col });
    const c = layout.columns;
    const tierOne = layout.tierCounts[0].countCell;
    expect(valueAt(store, "Qualification", tierOne)).toBe(1);

    expect(store.setCell({ row, col: 0 }, "Hooli", "Qualification")).toEqual({ ok: true });
    const table = store.plans[0].sheets[0].tables![0];
    expect(table.range).toBe(`A10:L${row + 1}`);
    // The new row is the table's now: its Tier says Not rated until a rating is typed.
    expect(valueAt(store, "Qualification", cell(c.tier))).toBe("Not rated");
    expect(valueAt(store, "Qualification", layout.notRated.countCell)).toBe(1);
    // Ratings typed into it are validated as the table's (7 is refused) and score it.
    const refused = store.setCell({ row, col: c.criteria[0] }, "7", "Qualification");
    expect(refused.ok).toBe(false);
    for (const col of c.criteria) expect(store.setCell({ row, col }, "5", "Qualification")).toEqual({ ok: true });
    expect(valueAt(store, "Qualification", cell(c.score))).toBe(100);
    expect(valueAt(store, "Qualification", cell(c.tier))).toBe("Tier 1");
    expect(valueAt(store, "Qualification", cell(c.rank))).toBe(1);
    expect(valueAt(store, "Qualification", tierOne)).toBe(2);
    // The row below the grown table extends it again; the row after that does not.
    expect(store.setCell({ row: row + 2, col: 0 }, "Far away", "Qualification")).toEqual({ ok: true });
    expect(store.plans[0].sheets[0].tables![0].range).toBe(`A10:L${row + 1}`);
    store.undo();
    for (let i = 0; i < c.criteria.length; i++) store.undo();
    store.undo();
    expect(store.plans[0].sheets[0].tables![0].range).toBe(`A10:L${row}`);
    expect(valueAt(store, "Qualification", cell(c.tier))).toBeNull();
    expect(valueAt(store, "Qualification", tierOne)).toBe(1);
  });

  it("reads a typed structured reference against the plans' tables", async () => {
    const { store, layout } = await withMatrix();
    expect(store.setCell({ row: 0, col: 20 }, "=SUM(QualificationMatrix[Score])", "Qualification")).toEqual({ ok: true });
    const total = valueAt(store, "Qualification", cellAddress({ row: 0, col: 20 })) as number;
    const scores = [0, 1].map((i) =>
      valueAt(store, "Qualification", cellAddress({ row: layout.firstDataRow + i, col: layout.columns.score })),
    ) as number[];
    expect(total).toBeCloseTo(scores[0] + scores[1], 12);
  });

  it("undoes a wizard's write as one step (sheet, names, formats), and redoes it", async () => {
    const { store } = await withMatrix();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1", "Qualification"]);
    expect(store.plans).toHaveLength(1);
    store.undo();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1"]);
    expect(store.hf.listNamedExpressions()).toEqual([]);
    expect(store.plans).toHaveLength(0);
    store.redo();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1", "Qualification"]);
    expect(store.plans).toHaveLength(1);
  });

  it("refuses a rating outside the plan's validation with the rule's message, and keeps the cell", async () => {
    const { store, layout } = await withMatrix();
    const rating = cellAddress({ row: layout.firstDataRow, col: layout.columns.criteria[0] });
    const outcome = store.setCell(parseCell(rating), "7", "Qualification");
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.kind === "validation" && outcome.refusal.message).toMatch(/rating/i);
    expect(valueAt(store, "Qualification", rating)).toBe(5);
    expect(store.setCell(parseCell(rating), "3", "Qualification")).toEqual({ ok: true });
    expect(valueAt(store, "Qualification", rating)).toBe(3);
  });

  it("reads typing as Excel does and gives the cell the format the typing implies", () => {
    const store = new WorkbookStore(workbenchEngine());
    store.setCell({ row: 0, col: 0 }, "500,000");
    store.setCell({ row: 1, col: 0 }, "2026-03-15");
    expect(valueAt(store, "Sheet1", "A1")).toBe(500000);
    expect(valueAt(store, "Sheet1", "A2")).toBe(46096);
    expect(store.formatsOf().look({ row: 1, col: 0 }).numberFormat).toBe("m/d/yyyy");
    store.undo();
    expect(valueAt(store, "Sheet1", "A2")).toBeNull();
    expect(store.formatsOf().look({ row: 1, col: 0 }).numberFormat).toBeUndefined();
  });

  it("refuses a formula it cannot read, in Excel's words", () => {
    const store = new WorkbookStore(workbenchEngine());
    expect(store.setCell({ row: 0, col: 0 }, "=SUM(1,2")).toEqual({
      ok: false,
      kind: "formula",
      message: "There's a problem with this formula: a '(' is not closed.",
    });
  });

  it("renames a sheet with formulas following, keeps its validation, and deletes a sheet (both undoable)", async () => {
    const { store } = await withMatrix();
    store.activateSheet("Sheet1");
    store.setCell({ row: 0, col: 0 }, "=Qualification!B4*2");
    expect(store.renameSheet("Qualification", "Partners 2026")).toBeNull();
    expect(store.hf.getCellFormula({ sheet: store.sheetId("Sheet1"), row: 0, col: 0 })).toBe("='Partners 2026'!B4*2");
    expect(store.plans[0].sheets[0].name).toBe("Partners 2026");
    expect(store.renameSheet("Sheet1", "partners 2026")).toMatch(/already a sheet/);
    expect(store.renameSheet("Sheet1", "a/b")).toMatch(/does not allow/);
    expect(store.deleteSheet("Partners 2026")).toBeNull();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1"]);
    expect(store.deleteSheet("Sheet1")).toMatch(/at least one sheet/);
    store.undo();
    store.undo();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1", "Qualification"]);
    expect(store.plans[0].sheets[0].name).toBe("Qualification");
  });

  it("finds defined names and table names for the Name Box", async () => {
    const { store } = await withMatrix();
    expect(store.locateName("qual_weights")).toEqual({ sheet: "Qualification", range: expect.any(Object) });
    expect(store.locateName(store.plans[0].sheets[0].tables![0].name)?.sheet).toBe("Qualification");
    expect(store.locateName("Nope")).toBeUndefined();
  });

  it("comes back whole from its stored form: cells, names, plans, typed formats, settings", async () => {
    const { store } = await withMatrix();
    store.activateSheet("Sheet1");
    store.setCell({ row: 0, col: 0 }, "30%");
    store.setCell({ row: 1, col: 0 }, "'12");
    store.setCell({ row: 2, col: 0 }, "=SEQUENCE(2)");
    const stored = JSON.parse(JSON.stringify(savedWorkbookOf(store.hf, store.sideState())));
    const hf = workbenchEngine();
    const restored = restoreSavedWorkbook(hf, stored)!;
    const back = new WorkbookStore(hf, restored);
    expect(hf.getSheetNames()).toEqual(store.hf.getSheetNames());
    expect(hf.listNamedExpressions().sort()).toEqual(store.hf.listNamedExpressions().sort());
    expect(valueAt(back, "Sheet1", "A1")).toBe(0.3);
    expect(valueAt(back, "Sheet1", "A2")).toBe("12");
    expect(valueAt(back, "Sheet1", "A4")).toBe(2);
    expect(back.formatsOf("Sheet1").look({ row: 0, col: 0 }).numberFormat).toBe("0%");
    expect(back.plans).toEqual(store.plans);
    expect(hf.getSheetValues(back.sheetId("Qualification"))).toEqual(store.hf.getSheetValues(store.sheetId("Qualification")));
    expect(restoreSavedWorkbook(workbenchEngine(), { something: "else" })).toBeUndefined();
  });
});

describe("list validation, as the deal model's by-year method cell has it", () => {
  it("refuses a word not in the list (any case accepted) and lets blanks through", () => {
    const store = new WorkbookStore(workbenchEngine(), {
      plans: [
        {
          version: 1,
          description: "deal model",
          names: [],
          settings: [],
          sheets: [
            {
              name: "Sheet1",
              blocks: [],
              validations: [{ range: "B6", rule: { kind: "list", items: ["by_year"] }, error: "The method is by_year." }],
            },
          ],
        },
      ],
    });
    expect(store.setCell(parseCell("B6"), "marginal")).toEqual({
      ok: false,
      kind: "validation",
      refusal: { title: "This value is not allowed here", message: "The method is by_year." },
    });
    expect(store.setCell(parseCell("B6"), "BY_YEAR")).toEqual({ ok: true });
    expect(store.setCell(parseCell("B6"), "")).toEqual({ ok: true });
  });
});

describe("undo when the engine changed outside the store", () => {
  it("forgets the history rather than undo the wrong thing (a failed write rolled back operation by operation)", async () => {
    const store = new WorkbookStore(workbenchEngine());
    store.setCell({ row: 0, col: 0 }, "1");
    store.hf.addSheet("Rolled back");
    store.hf.removeSheet(store.hf.getSheetId("Rolled back")!);
    await Promise.resolve();
    store.setCell({ row: 0, col: 1 }, "2");
    store.undo();
    expect(valueAt(store, "Sheet1", "B1")).toBeNull();
    expect(valueAt(store, "Sheet1", "A1")).toBe(1);
    expect(store.canUndo()).toBe(false);
    expect(store.hf.getSheetNames()).toEqual(["Sheet1"]);
  });

  it("still records a wizard's write made right after", async () => {
    const { store } = await withMatrix();
    await Promise.resolve();
    expect(store.canUndo()).toBe(true);
    store.undo();
    expect(store.hf.getSheetNames()).toEqual(["Sheet1"]);
  });
});
