/**
 * The workbench's workbook as one WorkbookPlan for the plans' .xlsx writer: every sheet's cells
 * as the engine holds them now (the user's edits included: formulas stay formulas, values stay
 * values, text stays text), dressed with the formats, tables, validation and names of the plans
 * that were written into it, and the document settings.
 */
import type { HyperFormula } from "hyperformula";
import { engineFormulaAsPlan, type TableDefinition } from "../../engine/plan-tables";
import { planTables } from "../grid/table-extension";
import { parseRange, cellAddress, type RangeRef } from "../../workbook/a1";
import {
  blank,
  bool,
  formula,
  num,
  PLAN_VERSION,
  text,
  type CellBlock,
  type CellContent,
  type NumberFormatPlan,
  type SheetPlan,
  type TablePlan,
  type WorkbookPlan,
} from "../../workbook/plan";

function contentOf(hf: HyperFormula, sheet: number, row: number, col: number, tables: readonly TableDefinition[]): CellContent {
  const address = { sheet, row, col };
  // A whole table column reads as an engine name there (plan-tables.ts): the file gets `Table[Column]` back.
  if (hf.doesCellHaveFormula(address)) return formula(engineFormulaAsPlan(hf.getCellFormula(address) ?? "=NA()", tables));
  // A spilled array's other cells are the anchor formula's output, not content of their own.
  if (hf.isCellPartOfArray(address)) return blank();
  const value = hf.getCellValue(address);
  if (value === null || value === undefined || value === "") return blank();
  if (typeof value === "number") return num(value);
  if (typeof value === "boolean") return bool(value);
  if (typeof value === "string") return text(value);
  return text(String((value as { value?: unknown }).value ?? value));
}

function headerRow(table: TablePlan): RangeRef {
  const r = parseRange(table.range);
  return { start: r.start, end: { row: r.start.row, col: r.end.col } };
}

/** A table's header as the engine shows it now, if it still makes valid, distinct column names. */
function currentColumns(hf: HyperFormula, sheet: number, table: TablePlan): string[] {
  const header = headerRow(table);
  const names: string[] = [];
  for (let col = header.start.col; col <= header.end.col; col++) {
    const value = hf.getCellValue({ sheet, row: header.start.row, col });
    names.push(value === null || value === undefined ? "" : String(typeof value === "object" ? "" : value).trim());
  }
  const distinct = new Set(names.map((n) => n.toUpperCase()));
  return names.every((n) => n !== "") && distinct.size === names.length ? names : table.columns;
}

/** One block per row segment, from its first to its last non-blank cell, skipping table header cells. */
function sheetBlocks(hf: HyperFormula, sheet: number, headers: RangeRef[], tables: readonly TableDefinition[]): CellBlock[] {
  const { width, height } = hf.getSheetDimensions(sheet);
  const blocks: CellBlock[] = [];
  for (let row = 0; row < height; row++) {
    const skipped = (col: number) => headers.some((h) => row === h.start.row && col >= h.start.col && col <= h.end.col);
    let segment: { start: number; cells: CellContent[] } | null = null;
    const flush = () => {
      if (!segment) return;
      let last = segment.cells.length - 1;
      while (last >= 0 && segment.cells[last].kind === "blank") last--;
      let first = 0;
      while (first <= last && segment.cells[first].kind === "blank") first++;
      if (first <= last)
        blocks.push({ at: cellAddress({ row, col: segment.start + first }), cells: [segment.cells.slice(first, last + 1)] });
      segment = null;
    };
    for (let col = 0; col < width; col++) {
      if (skipped(col)) {
        flush();
        continue;
      }
      segment ??= { start: col, cells: [] };
      segment.cells.push(contentOf(hf, sheet, row, col, tables));
    }
    flush();
  }
  return blocks;
}

/** Formats typing gave cells ("row:col" → code), per sheet, as the plan's number formats. */
function typedNumberFormats(typed: ReadonlyMap<string, string> | undefined): NumberFormatPlan[] {
  return [...(typed ?? [])].map(([key, format]) => {
    const [row, col] = key.split(":").map(Number);
    return { range: cellAddress({ row, col }), format };
  });
}

export function exportPlan(
  hf: HyperFormula,
  plans: readonly WorkbookPlan[],
  settings: Map<string, string>,
  activeSheet?: string,
  typedFormats: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(),
): WorkbookPlan {
  const sheets: SheetPlan[] = hf.getSheetNames().map((name) => {
    const id = hf.getSheetId(name)!;
    const planned = [...plans]
      .reverse()
      .flatMap((p) => p.sheets)
      .find((s) => s.name === name && s.target !== "existing");
    const tables = (planned?.tables ?? []).map((t) => ({ ...t, columns: currentColumns(hf, id, t) }));
    return {
      ...(planned ?? {}),
      name,
      target: "new",
      activate: name === activeSheet,
      tables,
      numberFormats: [...(planned?.numberFormats ?? []), ...typedNumberFormats(typedFormats.get(name))],
      blocks: sheetBlocks(hf, id, tables.map(headerRow), planTables(plans)),
    } satisfies SheetPlan;
  });
  const present = new Set(hf.getSheetNames());
  const seen = new Set<string>();
  const names = plans
    .flatMap((p) => p.names)
    .filter((n) => present.has(n.sheet) && !seen.has(n.name.toUpperCase()) && seen.add(n.name.toUpperCase()));
  return {
    version: PLAN_VERSION,
    description: "workbook",
    sheets,
    names,
    settings: [...settings].map(([key, json]) => ({ key, json })),
  };
}
