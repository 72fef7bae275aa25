/**
 * The workbook seam: plans, their appliers (Excel, engine, .xlsx) and the model builders that produce plans.
 * A convenience for Node code and tests: browser bundles should import the module files they need, so
 * that the task pane does not pull in ExcelJS through the .xlsx writer.
 */
export * from "./plan";
export * from "./a1";
export { sheetNameProblem, sanitizeSheetName, sameSheetName, uniqueSheetName, MAX_SHEET_NAME_LENGTH } from "./sheet-names";
export { definedNameProblem, uniqueDefinedName } from "./defined-names";
export { needsQuotePrefix, asEnteredText, looksLikeFormula } from "./text-safety";
export { validatePlan, assertValidPlan, PlanError, type PlanIssue } from "./validate-plan";
export {
  PlanApplyError,
  PlanConflictError,
  resolvePlan,
  type ApplyOptions,
  type ApplySummary,
  type CellConflict,
  type ResolvedPlan,
  type WorkbookInventory,
} from "./appliers/common";
export {
  applyPlanToEngine,
  findEngineConflicts,
  engineValueReader,
  type EngineApplyOptions,
  type EngineApplyResult,
} from "./appliers/engine";
export { applyPlanToExcel, findExcelConflicts, SYNCS_PER_APPLY, type ExcelRun, type OfficeApplyOptions } from "./appliers/office";
export { writePlanToXlsx, readXlsxSettings, XLSX_SETTINGS_SHEET, type CachedValues } from "./appliers/xlsx";
export * from "./models/qualification";
export * from "./models/qualification/input";
export * from "./models/qualification/partner-list";
export * from "./models/qualification/defaults";
export { partnersFromCsv, CsvInputError, type PartnersFromCsv } from "./models/qualification/csv";
export { toEngineFormula } from "../core/excel-formula";
export { loadXlsxIntoEngine, engineFormula, type LoadedWorkbook } from "./xlsx-engine";
export { sheetAsCsv, neutralizeCsvText, type CsvOptions } from "./sheet-csv";
