/**
 * The pane's host over a HyperFormula workbook: the workbench's live grid, or a private engine
 * when the pane page is opened in a plain browser. Plans go through the engine applier, which
 * recalculates once per write and removes what it added if the write fails.
 */
import type { HyperFormula } from "hyperformula";
import { cellAddress, type RangeRef } from "../../workbook/a1";
import { resolvePlan, type WorkbookInventory } from "../../workbook/appliers/common";
import { planOf, type PlanSource } from "../../workbook/appliers/contract";
import { applyPlanToEngine, type EngineApplyResult } from "../../workbook/appliers/engine";
import type { WorkbookPlan } from "../../workbook/plan";
import type { ColorScheme } from "../theme";
import { nextPaint, type ApplyRequest, type WorkbookHost } from "./workbook-host";

export interface EngineSelection {
  sheet: string;
  range: RangeRef;
}

/** What the engine host needs from whoever owns the engine (the workbench, or nobody). */
export interface EngineWorkbook {
  hf: HyperFormula;
  /** The workbook's document settings (the engine has none of its own). */
  settings: Map<string, string>;
  selection(): EngineSelection | null;
  activateSheet(name: string): void;
  /**
   * True when the owner shows and keeps the plans' formats itself (the workbench's grid and its
   * .xlsx download), so the engine's "values only" limitation is not worth telling the user.
   */
  keepsFormats?: boolean;
  /** Told after each successful write, with the plan as written (sheet names as in the workbook). */
  planApplied?(written: WorkbookPlan, result: EngineApplyResult): void;
}

export function engineInventory(hf: HyperFormula): WorkbookInventory {
  return {
    sheetNames: hf.getSheetNames(),
    definedNames: hf.listNamedExpressions(),
    tableNames: [],
  };
}

/** A cell's value as the text a user sees (blank → ""), for reading partner names. */
function displayText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value);
}

export function createEngineHost(workbook: EngineWorkbook, colorScheme: ColorScheme = "light"): WorkbookHost {
  const { hf } = workbook;
  return {
    kind: "engine",
    colorScheme,

    async selectedCells() {
      const selection = workbook.selection();
      if (!selection) return [];
      const sheet = hf.getSheetId(selection.sheet);
      if (sheet === undefined) return [];
      const { start, end } = selection.range;
      const values = hf.getRangeValues({ start: { sheet, ...start }, end: { sheet, ...end } });
      return values.map((row) => row.map(displayText));
    },

    async inventory() {
      return engineInventory(hf);
    },

    async apply(source: PlanSource, request: ApplyRequest = {}) {
      const report = request.onProgress ?? (() => undefined);
      report({ stage: "checking", message: "Checking the workbook", fraction: 0 });
      const plan = planOf(source, engineInventory(hf));
      const written = resolvePlan(plan, engineInventory(hf)).plan;
      const rows = plan.sheets.reduce((sum, sheet) => sum + sheet.blocks.reduce((n, block) => n + block.cells.length, 0), 0);
      report({
        stage: "writing",
        message: `Writing ${rows.toLocaleString("en")} rows and computing every formula`,
        fraction: 0.2,
      });
      await nextPaint();
      // Synchronously (not through the contract's promise): the workbench's store claims the write's
      // engine batch in the same turn, through planApplied below.
      const result = applyPlanToEngine(hf, plan, { overwrite: request.overwrite, settings: workbook.settings });
      workbook.planApplied?.(written, result);
      // The grid draws the charts and the .xlsx download writes them, so nothing is left to tell.
      if (workbook.keepsFormats) result.limitations = [];
      report({ stage: "done", message: "Written", fraction: 1 });
      return result;
    },

    async loadSetting(key) {
      return workbook.settings.get(key);
    },

    async saveSetting(key, json) {
      workbook.settings.set(key, json);
    },

    async activateSheet(name) {
      if (hf.getSheetId(name) === undefined) throw new Error(`sheet "${name}" is not in the workbook`);
      workbook.activateSheet(name);
    },
  };
}

/** A workbook of one empty sheet for the pane opened outside Office and outside the workbench. */
export function privateEngineWorkbook(hf: HyperFormula): EngineWorkbook {
  if (hf.getSheetNames().length === 0) hf.addSheet("Sheet1");
  return { hf, settings: new Map(), selection: () => null, activateSheet: () => undefined };
}

/** "Sheet1!B2:B9" for messages. */
export function describeSelection(selection: EngineSelection): string {
  const { start, end } = selection.range;
  const same = start.row === end.row && start.col === end.col;
  return `${selection.sheet}!${cellAddress(start)}${same ? "" : `:${cellAddress(end)}`}`;
}
