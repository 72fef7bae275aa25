/**
 * Cells on the clipboard as Excel puts them there and reads them back: tab-separated text, one
 * line per row ending in CR LF; a cell holding a tab, a line break or a double quote is wrapped in
 * double quotes with its quotes doubled ("say ""hi""").
 */

function quoted(field: string): string {
  return /[\t\r\n"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoted).join("\t") + "\r\n").join("");
}

/** Where the field starting at `from` ends: the next tab or line break, or the end of the text. */
function fieldEnd(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 9 || c === 10 || c === 13) return k;
  }
  return text.length;
}

/** Rows of fields; a field is quoted only when it starts with a double quote, as Excel reads it. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field = "";
    if (text[i] === '"') {
      let j = i + 1;
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        field += text[j++];
      }
      // An unclosed quote is not a quoted field: Excel takes the text as it is, up to the line end.
      if (!closed || (j < n && !/[\t\r\n]/.test(text[j]))) {
        j = fieldEnd(text, i);
        field = text.slice(i, j);
      }
      i = j;
    } else {
      const end = fieldEnd(text, i);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= n) break;
    if (text[i] === "\t") {
      i++;
      if (i >= n) row.push("");
      continue;
    }
    // A line end: CR LF, LF or CR.
    i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
