import { parseTsv, toTsv } from "../../src/workbench/grid/tsv";

describe("TSV as Excel copies and pastes it", () => {
  it("quotes cells holding tabs, line breaks or quotes, doubling the quotes, and ends every row with CR LF", () => {
    expect(
      toTsv([
        ["a", "b\tc"],
        ['say "hi"', "two\nlines"],
      ]),
    ).toBe('a\t"b\tc"\r\n"say ""hi"""\t"two\nlines"\r\n');
  });

  it("reads back what it writes", () => {
    const rows = [
      ["Partner", "Score"],
      ["Acme, Inc.", "4"],
      ['say "hi"', "two\r\nlines"],
      ["", "tab\there"],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it("reads Excel's clipboard: LF or CR LF line ends, a quote inside an unquoted cell kept as is, empty cells", () => {
    expect(parseTsv("1\t2\n3\t\n")).toEqual([
      ["1", "2"],
      ["3", ""],
    ]);
    expect(parseTsv('5" pipe\tx')).toEqual([['5" pipe', "x"]]);
    expect(parseTsv('"unclosed\tx')).toEqual([['"unclosed', "x"]]);
  });
});
