import type { ExportedChange, HyperFormula } from "hyperformula";
import { createEngine } from "../../src/engine";
import { skipsChangeRecords, withoutChangeRecords } from "../../src/engine/unrecorded-changes";

function recorderPrototype(hf: HyperFormula): object {
  const internals = hf as unknown as { _crudOperations: { operations: { changes: object } } };
  return Object.getPrototypeOf(internals._crudOperations.operations.changes) as object;
}

function load(hf: HyperFormula): ExportedChange[] {
  return withoutChangeRecords(hf, () =>
    hf.batch(() => {
      const sheet = hf.getSheetId(hf.addSheet("S"))!;
      hf.setSheetContent(sheet, [
        [2, "=A1*10", "=A1:B1*2"],
        ["x", "=VLOOKUP(2,A1:B1,2,0)"],
      ]);
      hf.addNamedExpression("Total", "=S!$A$1+S!$B$1");
    }),
  );
}

test("HyperFormula's change records are found and skipped when nothing reads them", () => {
  const hf = createEngine();
  expect(skipsChangeRecords(hf)).toBe(true);
  const before = Object.getOwnPropertyDescriptor(recorderPrototype(hf), "add");
  expect(load(hf)).toEqual([]);
  const sheet = hf.getSheetId("S")!;
  expect(hf.getSheetValues(sheet)).toEqual([
    [2, 20, 4, 40],
    ["x", 20],
  ]);
  expect(hf.getNamedExpressionValue("Total")).toBe(22);
  // Afterwards the engine records changes again, with its own method.
  expect(Object.getOwnPropertyDescriptor(recorderPrototype(hf), "add")).toEqual(before);
  const changes = hf.setCellContents({ sheet, row: 0, col: 0 }, 3);
  expect(changes.length).toBe(6);
  expect(hf.getSheetValues(sheet)[0]).toEqual([3, 30, 6, 60]);
});

test("a valuesUpdated listener still hears every change of the load", () => {
  const hf = createEngine();
  const heard: ExportedChange[][] = [];
  hf.on("valuesUpdated", (changes: ExportedChange[]) => heard.push(changes));
  expect(skipsChangeRecords(hf)).toBe(false);
  const returned = load(hf);
  expect(returned.length).toBeGreaterThan(0);
  expect(heard).toEqual([returned]);
});

test("an engine with a column index keeps the records its index is fed from", () => {
  const hf = createEngine({ useColumnIndex: true });
  expect(skipsChangeRecords(hf)).toBe(false);
  expect(load(hf).length).toBeGreaterThan(0);
  const sheet = hf.getSheetId("S")!;
  hf.setCellContents({ sheet, row: 0, col: 0 }, 5);
  hf.setCellContents({ sheet, row: 1, col: 1 }, "=VLOOKUP(5,A1:B1,2,0)");
  expect(hf.getCellValue({ sheet, row: 1, col: 1 })).toBe(50);
});

test("a load that throws leaves the engine recording", () => {
  const hf = createEngine();
  const before = Object.getOwnPropertyDescriptor(recorderPrototype(hf), "add");
  expect(() =>
    withoutChangeRecords(hf, () => {
      throw new Error("stop");
    }),
  ).toThrow("stop");
  expect(Object.getOwnPropertyDescriptor(recorderPrototype(hf), "add")).toEqual(before);
  const sheet = hf.getSheetId(hf.addSheet("T"))!;
  expect(hf.setCellContents({ sheet, row: 0, col: 0 }, 1)).toHaveLength(1);
});
