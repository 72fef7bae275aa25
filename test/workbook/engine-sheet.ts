import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../../src/engine";
import { parseCell } from "../../src/workbook/a1";
import { applyPlanToEngine } from "../../src/workbook/appliers/engine";
import type { WorkbookPlan } from "../../src/workbook/plan";

export interface EngineSheet {
  hf: HyperFormula;
  sheet: number;
  /** The computed value of an A1 cell of the sheet. */
  at(address: string): unknown;
  /** Types into an A1 cell of the sheet, as a user would. */
  set(address: string, value: RawCellContent): void;
}

/** `plan` written into a fresh engine, read and edited through the sheet it planned as `plannedSheet`. */
export function planInEngine(plan: WorkbookPlan, plannedSheet: string): EngineSheet {
  const hf = createEngine();
  const result = applyPlanToEngine(hf, plan);
  const sheet = hf.getSheetId(result.sheetNames[plannedSheet])!;
  return {
    hf,
    sheet,
    at: (address) => hf.getCellValue({ sheet, ...parseCell(address) }),
    set: (address, value) => void hf.setCellContents({ sheet, ...parseCell(address) }, value),
  };
}
