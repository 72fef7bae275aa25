/**
 * The plans written into the workbench are how it dresses each sheet (formats, validation, merges,
 * tables). They are keyed by sheet name, so renaming or deleting a sheet rewrites them: a renamed
 * sheet keeps its look and validation, a deleted one takes them along (undo brings them back).
 */
import type { WorkbookPlan } from "../../workbook/plan";

export function renameSheetInPlans(plans: readonly WorkbookPlan[], from: string, to: string): WorkbookPlan[] {
  return plans.map((plan) => ({
    ...plan,
    sheets: plan.sheets.map((sheet) => (sheet.name === from ? { ...sheet, name: to } : sheet)),
    names: plan.names.map((item) => (item.sheet === from ? { ...item, sheet: to } : item)),
  }));
}

export function dropSheetFromPlans(plans: readonly WorkbookPlan[], name: string): WorkbookPlan[] {
  return plans.map((plan) => ({
    ...plan,
    sheets: plan.sheets.filter((sheet) => sheet.name !== name),
    names: plan.names.filter((item) => item.sheet !== name),
  }));
}
