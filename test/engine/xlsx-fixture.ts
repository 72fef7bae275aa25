import JSZip from "jszip";

/**
 * Tiny .xlsx packages written as XML strings, the way Excel lays them out: enough parts for a
 * reader (content types, relationships, workbook, sheets, shared strings, tables). Cells are given
 * as `<c>` XML so a test states exactly what a file holds, cached values included.
 */
export interface FixtureSheet {
  name: string;
  /** The `<row>` elements (or bare `<c>` elements, wrapped into rows by their address). */
  rows: string;
  tables?: FixtureTable[];
  state?: "hidden" | "veryHidden";
}

export interface FixtureTable {
  name: string;
  ref: string;
  columns: string[];
  totalsRowCount?: number;
}

export interface Fixture {
  sheets: FixtureSheet[];
  /** `<definedName>` elements. */
  names?: string;
  sharedStrings?: string[];
  /** docProps/app.xml's Application, e.g. "Microsoft Macintosh Excel". */
  application?: string;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** A formula cell: `f("B2", "A2*2", 4)`; a cached text value with `{ t: "str" }`. */
export function f(ref: string, formula: string, cached?: number | string | boolean, extra = ""): string {
  const type =
    typeof cached === "string" ? (cached.startsWith("#") ? ' t="e"' : ' t="str"') : typeof cached === "boolean" ? ' t="b"' : "";
  const value = cached === undefined ? "" : `<v>${typeof cached === "boolean" ? (cached ? 1 : 0) : escape(String(cached))}</v>`;
  return `<c r="${ref}"${type}><f${extra}>${escape(formula)}</f>${value}</c>`;
}

/** A constant cell: a number, a boolean or inline text. */
export function v(ref: string, value: number | string | boolean): string {
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value.startsWith("#")) return `<c r="${ref}" t="e"><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
}

function rowsOf(cells: string): string {
  if (cells.includes("<row")) return cells;
  const byRow = new Map<number, string[]>();
  for (const cell of cells.match(/<c r="[A-Z]+\d+"(?:[^>]*?\/>|[\s\S]*?<\/c>)/g) ?? []) {
    const row = Number(/r="[A-Z]+(\d+)"/.exec(cell)![1]);
    byRow.set(row, [...(byRow.get(row) ?? []), cell]);
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, list]) => `<row r="${row}">${list.join("")}</row>`)
    .join("");
}

export async function buildXlsx(fixture: Fixture): Promise<Buffer> {
  const zip = new JSZip();
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/>${fixture.application ? `<Relationship Id="rId2" Type="${rel}/extended-properties" Target="docProps/app.xml"/>` : ""}</Relationships>`,
  );
  if (fixture.application)
    zip.file(
      "docProps/app.xml",
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escape(fixture.application)}</Application></Properties>`,
    );
  const sheetRels = fixture.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const stringsRel = fixture.sharedStrings
    ? `<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`
    : "";
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}${stringsRel}</Relationships>`,
  );
  const sheets = fixture.sheets
    .map(
      (s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${sheets}</sheets>${fixture.names ? `<definedNames>${fixture.names}</definedNames>` : ""}</workbook>`,
  );
  if (fixture.sharedStrings)
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${fixture.sharedStrings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`,
    );
  let tableNumber = 0;
  fixture.sheets.forEach((sheet, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}" xmlns:r="${rel}"><sheetData>${rowsOf(sheet.rows)}</sheetData></worksheet>`,
    );
    const tables = sheet.tables ?? [];
    if (tables.length === 0) return;
    const rels = tables.map((table) => {
      tableNumber++;
      const columns = table.columns.map((c, k) => `<tableColumn id="${k + 1}" name="${escape(c)}"/>`).join("");
      zip.file(
        `xl/tables/table${tableNumber}.xml`,
        `<?xml version="1.0" encoding="UTF-8"?><table xmlns="${main}" id="${tableNumber}" name="${table.name}" displayName="${table.name}" ref="${table.ref}"${table.totalsRowCount ? ` totalsRowCount="${table.totalsRowCount}"` : ""}><tableColumns count="${table.columns.length}">${columns}</tableColumns></table>`,
      );
      return `<Relationship Id="rIdT${tableNumber}" Type="${rel}/table" Target="../tables/table${tableNumber}.xml"/>`;
    });
    zip.file(
      `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
    );
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
