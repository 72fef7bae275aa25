/**
 * Checks a plan before any applier touches a workbook, so that a bad plan fails with a list of
 * precise reasons instead of half-writing a workbook. Appliers call `assertValidPlan` first.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  parseCell,
  parseRange,
  rangeColumns,
  rangeFrom,
  rangeRows,
  rangesOverlap,
  type RangeRef,
} from "./a1";
import { definedNameProblem, sameDefinedName } from "./defined-names";
import type { CellContent, SheetPlan, WorkbookPlan } from "./plan";
import { PLAN_VERSION } from "./plan";
import { sameSheetName, sheetNameProblem } from "./sheet-names";

export interface PlanIssue {
  /** Where in the plan, e.g. "sheets[0].blocks[2].cells[4][1]". */
  path: string;
  message: string;
}

export class PlanError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(
      `the workbook plan is not valid: ${issues
        .slice(0, 5)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ")}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ""}`,
    );
    this.name = "PlanError";
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const MAX_TEXT = 32_767;
const MAX_MESSAGE = 255;

export function validatePlan(plan: WorkbookPlan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  if (plan.version !== PLAN_VERSION) add("version", `plan version ${String(plan.version)} is not ${PLAN_VERSION}`);
  if (!Array.isArray(plan.sheets) || plan.sheets.length === 0) add("sheets", "a plan needs at least one sheet");

  const sheets = plan.sheets ?? [];
  sheets.forEach((sheet, i) => {
    const problem = sheetNameProblem(sheet.name);
    if (problem) add(`sheets[${i}].name`, problem);
    const clash = sheets.findIndex((other, j) => j < i && sameSheetName(other.name, sheet.name));
    if (clash >= 0) add(`sheets[${i}].name`, `sheet name "${sheet.name}" is used twice in the plan (also sheets[${clash}])`);
    validateSheet(sheet, `sheets[${i}]`, add);
  });

  const tableNames: string[] = [];
  sheets.forEach((sheet, i) =>
    (sheet.tables ?? []).forEach((table, t) => {
      const path = `sheets[${i}].tables[${t}].name`;
      const problem = definedNameProblem(table.name);
      if (problem) add(path, problem.replace("defined name", "table name"));
      if (tableNames.some((n) => sameDefinedName(n, table.name)))
        add(path, `table name "${table.name}" is used twice in the plan`);
      tableNames.push(table.name);
    }),
  );

  (plan.names ?? []).forEach((item, i) => {
    const path = `names[${i}]`;
    const problem = definedNameProblem(item.name);
    if (problem) add(`${path}.name`, problem);
    if (plan.names.some((other, j) => j < i && sameDefinedName(other.name, item.name)))
      add(`${path}.name`, `name "${item.name}" is defined twice in the plan`);
    if (tableNames.some((n) => sameDefinedName(n, item.name)))
      add(`${path}.name`, `name "${item.name}" is also a table name in the plan`);
    if (!sheets.some((s) => s.name === item.sheet))
      add(`${path}.sheet`, `name "${item.name}" refers to sheet "${item.sheet}", which the plan does not have`);
    checkRange(item.range, `${path}.range`, add);
    if (item.refersTo !== undefined && (typeof item.refersTo !== "string" || !item.refersTo.startsWith("=")))
      add(`${path}.refersTo`, "what a name refers to is a formula starting with =");
  });

  (plan.settings ?? []).forEach((setting, i) => {
    const path = `settings[${i}]`;
    if (typeof setting.key !== "string" || setting.key.trim() === "") add(`${path}.key`, "a setting needs a key");
    if (plan.settings.some((other, j) => j < i && other.key === setting.key))
      add(`${path}.key`, `setting "${setting.key}" appears twice`);
    // Settings are stored in a cell on some hosts (the .xlsx writer's settings sheet): Excel's cell limit applies.
    if (typeof setting.json === "string" && setting.json.length > MAX_TEXT)
      add(
        `${path}.json`,
        `setting "${setting.key}" is ${setting.json.length.toLocaleString("en-US")} characters; a cell holds ${MAX_TEXT.toLocaleString("en-US")}: shorten the inputs it saves`,
      );
    try {
      JSON.parse(setting.json);
    } catch {
      add(`${path}.json`, `setting "${setting.key}" is not valid JSON text`);
    }
  });
  return issues;
}

export function assertValidPlan(plan: WorkbookPlan): void {
  const issues = validatePlan(plan);
  if (issues.length > 0) throw new PlanError(issues);
}

type Add = (path: string, message: string) => void;

function checkRange(address: string, path: string, add: Add): RangeRef | null {
  try {
    return parseRange(address);
  } catch (error) {
    add(path, (error as Error).message);
    return null;
  }
}

function validateSheet(sheet: SheetPlan, base: string, add: Add): void {
  const existing = sheet.target === "existing";
  if (sheet.target !== undefined && sheet.target !== "new" && !existing)
    add(`${base}.target`, `target must be "new" or "existing"`);
  if (existing) {
    const onlyNew = [
      "tables",
      "validations",
      "conditionalFormats",
      "columnWidths",
      "merges",
      "freeze",
      "charts",
      "arrayFormulas",
      "print",
    ] as const;
    for (const key of onlyNew) {
      const value = sheet[key];
      if (value !== undefined && (!Array.isArray(value) || value.length > 0)) {
        add(
          `${base}.${key}`,
          `${key} can only be planned on a new sheet: writing them into an existing sheet could not be undone cleanly`,
        );
      }
    }
  }

  const occupied: { range: RangeRef; path: string }[] = [];
  const claim = (range: RangeRef, path: string): void => {
    const hit = occupied.find((o) => rangesOverlap(o.range, range));
    if (hit) add(path, `overlaps ${hit.path}: every cell is written by exactly one block`);
    occupied.push({ range, path });
  };

  (sheet.blocks ?? []).forEach((block, b) => {
    const path = `${base}.blocks[${b}]`;
    let at;
    try {
      at = parseCell(block.at);
    } catch (error) {
      add(`${path}.at`, (error as Error).message);
      return;
    }
    const rows = block.cells?.length ?? 0;
    const cols = rows > 0 ? block.cells[0].length : 0;
    if (rows === 0 || cols === 0) return add(`${path}.cells`, "a block needs at least one cell");
    const ragged = block.cells.findIndex((row) => row.length !== cols);
    if (ragged >= 0)
      return add(
        `${path}.cells[${ragged}]`,
        `has ${block.cells[ragged].length} cells but row 0 has ${cols}: blocks are rectangles`,
      );
    if (at.row + rows > MAX_ROWS || at.col + cols > MAX_COLUMNS)
      return add(path, `a ${rows}×${cols} block at ${block.at} runs past the sheet's edge`);
    block.cells.forEach((row, r) => row.forEach((cell, c) => checkContent(cell, `${path}.cells[${r}][${c}]`, add)));
    claim(rangeFrom(at, rows, cols), path);
  });

  (sheet.tables ?? []).forEach((table, t) => {
    const path = `${base}.tables[${t}]`;
    const range = checkRange(table.range, `${path}.range`, add);
    if (!range) return;
    if (rangeRows(range) < 2) add(`${path}.range`, "a table needs its header row and at least one data row");
    if (!Array.isArray(table.columns) || table.columns.length !== rangeColumns(range)) {
      add(`${path}.columns`, `${table.columns?.length ?? 0} column names for a range ${rangeColumns(range)} columns wide`);
    }
    (table.columns ?? []).forEach((name, c) => {
      if (typeof name !== "string" || name.trim() === "") add(`${path}.columns[${c}]`, "a table column needs a name");
      else if (table.columns.findIndex((other) => other.toUpperCase() === name.toUpperCase()) !== c)
        add(`${path}.columns[${c}]`, `column "${name}" appears twice`);
    });
    for (const [column, source] of Object.entries(table.calculatedColumns ?? {})) {
      if (!(table.columns ?? []).some((name) => name.toUpperCase() === column.toUpperCase()))
        add(`${path}.calculatedColumns`, `calculated column "${column}" is not one of the table's columns`);
      if (typeof source !== "string" || !source.startsWith("="))
        add(`${path}.calculatedColumns`, `the formula of calculated column "${column}" must start with =`);
    }
    claim({ start: range.start, end: { row: range.start.row, col: range.end.col } }, `${path} (header row)`);
  });

  (sheet.numberFormats ?? []).forEach((f, i) => {
    checkRange(f.range, `${base}.numberFormats[${i}].range`, add);
    if (typeof f.format !== "string" || f.format === "")
      add(`${base}.numberFormats[${i}].format`, "a number format cannot be empty");
  });
  (sheet.cellStyles ?? []).forEach((s, i) => {
    checkRange(s.range, `${base}.cellStyles[${i}].range`, add);
    for (const key of ["fill", "fontColor"] as const)
      if (s[key] !== undefined && !COLOR.test(s[key]))
        add(`${base}.cellStyles[${i}].${key}`, `"${s[key]}" is not a colour like #1F4E79`);
  });
  (sheet.validations ?? []).forEach((v, i) => {
    const path = `${base}.validations[${i}]`;
    checkRange(v.range, `${path}.range`, add);
    if (!v.error || v.error.length > MAX_MESSAGE)
      add(`${path}.error`, `the error message must have 1 to ${MAX_MESSAGE} characters`);
    if (v.prompt && (v.prompt.message.length > MAX_MESSAGE || v.prompt.title.length > 32))
      add(`${path}.prompt`, `Excel limits an input message to ${MAX_MESSAGE} characters and its title to 32`);
    if (v.rule.kind === "list") {
      if (v.rule.items.length === 0) add(`${path}.rule.items`, "a list needs at least one item");
      if (v.rule.items.some((item) => item.includes(","))) add(`${path}.rule.items`, "list items cannot contain commas");
    } else if (v.rule.kind === "listFrom") {
      if (!v.rule.source.startsWith("=")) add(`${path}.rule.source`, "a list source is a formula starting with =");
    } else {
      for (const key of ["min", "max"] as const) {
        const bound = v.rule[key];
        const ok =
          typeof bound === "number"
            ? Number.isFinite(bound)
            : typeof bound?.formula === "string" && bound.formula.startsWith("=");
        if (!ok) add(`${path}.rule.${key}`, "a bound is a finite number or a formula starting with =");
      }
    }
  });
  (sheet.conditionalFormats ?? []).forEach((cf, i) => {
    const path = `${base}.conditionalFormats[${i}]`;
    checkRange(cf.range, `${path}.range`, add);
    if (cf.rule.kind === "formula" && !cf.rule.formula.startsWith("=")) add(`${path}.rule.formula`, "a formula starts with =");
    for (const key of ["fill", "fontColor"] as const)
      if (cf.format[key] !== undefined && !COLOR.test(cf.format[key]))
        add(`${path}.format.${key}`, `"${cf.format[key]}" is not a colour like #C6EFCE`);
  });
  (sheet.columnWidths ?? []).forEach((w, i) => {
    if (!/^[A-Za-z]{1,3}$/.test(w.column)) add(`${base}.columnWidths[${i}].column`, `"${w.column}" is not a column like B`);
    if (!(w.width >= 0 && w.width <= 255)) add(`${base}.columnWidths[${i}].width`, "a column width is 0 to 255 characters");
  });
  (sheet.merges ?? []).forEach((m, i) => checkRange(m, `${base}.merges[${i}]`, add));
  if (sheet.freeze) {
    const { rows, columns } = sheet.freeze;
    if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0)
      add(`${base}.freeze`, "frozen rows and columns are whole numbers ≥ 0");
  }
  (sheet.charts ?? []).forEach((chart, i) => {
    const path = `${base}.charts[${i}]`;
    checkRange(chart.source, `${path}.source`, add);
    checkRange(chart.from, `${path}.from`, add);
    checkRange(chart.to, `${path}.to`, add);
    if (!["columnClustered", "barClustered", "line", "pie"].includes(chart.type))
      add(`${path}.type`, `unknown chart type "${chart.type}"`);
  });
  (sheet.arrayFormulas ?? []).forEach((range, i) => checkRange(range, `${base}.arrayFormulas[${i}]`, add));
  if (sheet.print?.area) checkRange(sheet.print.area, `${base}.print.area`, add);
  if (sheet.print?.titleRows && !/^\$?\d+:\$?\d+$/.test(sheet.print.titleRows))
    add(`${base}.print.titleRows`, `"${sheet.print.titleRows}" is not a row span like 10:10`);
}

function checkContent(cell: CellContent, path: string, add: Add): void {
  switch (cell?.kind) {
    case "text":
      if (typeof cell.text !== "string") add(path, "text content must be a string");
      else if (cell.text.length > MAX_TEXT) add(path, `text is ${cell.text.length} characters; an Excel cell holds ${MAX_TEXT}`);
      return;
    case "number":
      if (typeof cell.value !== "number" || !Number.isFinite(cell.value))
        add(path, `number content must be finite (got ${String(cell.value)})`);
      return;
    case "boolean":
      if (typeof cell.value !== "boolean") add(path, "boolean content must be true or false");
      return;
    case "formula":
      if (typeof cell.formula !== "string" || !cell.formula.startsWith("=") || cell.formula.length < 2)
        add(path, "a formula is text starting with =");
      return;
    case "blank":
      return;
    default:
      add(path, `unknown cell kind ${JSON.stringify((cell as { kind?: unknown })?.kind)}`);
  }
}
