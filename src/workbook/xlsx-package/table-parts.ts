/**
 * What ExcelJS leaves out of the table parts and defined names we write (it has no calculated
 * columns: exceljs/exceljs#1417, and takes only cell ranges as defined names):
 * - a calculated column is `<calculatedColumnFormula>` inside its `<tableColumn>`, the formula as
 *   cells store it (`DeptSales[[#This Row],[Sales Amount]]*…`, read from workbooks Excel saved;
 *   ECMA-376 Part 1, 18.5.1.1). Excel gives it to every row added to the table;
 * - a defined name whose definition is a formula such as `QualificationMatrix[Score]` is a
 *   `<definedName>` of `xl/workbook.xml` holding that text (ECMA-376 Part 1, 18.2.5).
 */
import { attribute, escapeXml } from "./xml-text";

export interface TableColumnFormulas {
  /** The table's name, as the part's `name` attribute holds it. */
  table: string;
  /** Column name → formula as a file stores it (no "="). */
  columns: Record<string, string>;
}

/** The table part with each named column's `<calculatedColumnFormula>`; unchanged when it is another table. */
export function withCalculatedColumns(tableXml: string, formulas: readonly TableColumnFormulas[]): string {
  const root = /<table\b[^>]*>/.exec(tableXml);
  const name = root ? attribute(root[0], "name") : undefined;
  const wanted = formulas.find((f) => f.table.toUpperCase() === name?.toUpperCase());
  if (!wanted) return tableXml;
  const byColumn = new Map(Object.entries(wanted.columns).map(([column, f]) => [column.toUpperCase(), f]));
  // ExcelJS lists every column's filter button (`hiddenButton="0"`, the default) and cannot read
  // its own list back once a column holds a child element; Excel writes none of them either.
  const plainFilter = tableXml.replace(/<filterColumn colId="[0-9]+" hiddenButton="0"\/>/g, "");
  return plainFilter.replace(
    /<tableColumn\b([^>]*?)(\/>|>([\s\S]*?)<\/tableColumn>)/g,
    (whole, attrs: string, _end, inner?: string) => {
      const formula = byColumn.get((attribute(`<tableColumn${attrs}>`, "name") ?? "").toUpperCase());
      if (formula === undefined) return whole;
      const kept = (inner ?? "").replace(/<calculatedColumnFormula\b[\s\S]*?<\/calculatedColumnFormula>/g, "");
      // calculatedColumnFormula comes first in CT_TableColumn's sequence.
      return `<tableColumn${attrs}><calculatedColumnFormula>${escapeXml(formula)}</calculatedColumnFormula>${kept}</tableColumn>`;
    },
  );
}

/** `xl/workbook.xml` with these defined names added (formula text as a file stores it, no "="). */
export function withDefinedNames(workbookXml: string, names: readonly { name: string; formula: string }[]): string {
  if (names.length === 0) return workbookXml;
  const elements = names.map((n) => `<definedName name="${escapeXml(n.name)}">${escapeXml(n.formula)}</definedName>`).join("");
  if (/<definedNames\s*\/>/.test(workbookXml))
    return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${elements}</definedNames>`);
  if (workbookXml.includes("</definedNames>")) return workbookXml.replace("</definedNames>", `${elements}</definedNames>`);
  // CT_Workbook: definedNames follows sheets (and externalReferences), before calcPr.
  const after = /<\/externalReferences>/.test(workbookXml) ? "</externalReferences>" : "</sheets>";
  return workbookXml.replace(after, `${after}<definedNames>${elements}</definedNames>`);
}
