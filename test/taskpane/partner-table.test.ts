import { guessPartnerColumns, parsePastedCells, partnerTable } from "../../src/taskpane/qualification/partner-table";

const CRITERIA = ["Strategic fit", "Market reach", "Capabilities", "Financial health", "Track record"];

describe("parsePastedCells", () => {
  it("splits a spreadsheet copy into rows and tab-separated cells, any line ending", () => {
    expect(parsePastedCells("Acme\t4\t5\r\nGlobex\t3\t2\rInitech\n")).toEqual([
      ["Acme", "4", "5"],
      ["Globex", "3", "2"],
      ["Initech"],
    ]);
  });

  it("keeps a quoted cell's tabs, line breaks and doubled quotes", () => {
    expect(parsePastedCells('"Acme\tInc"\t4\n"Say ""hi""\nthere"\t5')).toEqual([
      ["Acme\tInc", "4"],
      ['Say "hi"\nthere', "5"],
    ]);
  });

  it("leaves commas and formula-like text alone", () => {
    expect(parsePastedCells("Acme, Inc.\n=1+1\n+SUM(A1)\n-2\n@x")).toEqual([
      ["Acme, Inc."],
      ["=1+1"],
      ["+SUM(A1)"],
      ["-2"],
      ["@x"],
    ]);
  });
});

describe("the paste box reads exports as the CLI does", () => {
  it("splits comma- and semicolon-separated text, not only tabs", () => {
    expect(parsePastedCells("Partner,Strategic fit\nAcme,4\n")).toEqual([
      ["Partner", "Strategic fit"],
      ["Acme", "4"],
    ]);
    expect(parsePastedCells("Partner;Strategic fit\nMétro;4,5\n")).toEqual([
      ["Partner", "Strategic fit"],
      ["Métro", "4,5"],
    ]);
  });

  it("reads a decimal comma as a number and names a percentage", () => {
    const table = partnerTable(
      [
        ["Partner", "Strategic fit"],
        ["Acme", "4,5"],
        ["Globex", "80%"],
      ],
      true,
      CRITERIA,
    );
    expect(table.ratings?.[0][0]).toBe(4.5);
    expect(table.problems.map((p) => p.message)).toEqual([
      'Globex: the Strategic fit rating "80%" is a percentage: give a rating on the matrix\'s scale (step 3)',
    ]);
  });
});

describe("partnerTable", () => {
  it("reads names only, skipping rows without a name, when there is no header", () => {
    const table = partnerTable([["Acme", "4"], ["", "5"], [" Globex "]], false, CRITERIA);
    expect(table).toEqual({ partners: ["Acme", "Globex"], ratings: undefined, ratedCriteria: [], problems: [] });
  });

  it("fills in ratings from columns whose header names a criterion, ignoring case and other columns", () => {
    const table = partnerTable(
      [
        ["Partner", "notes", "market REACH", "Strategic fit"],
        ["Acme", "big", "4", "5"],
        ["Globex", "", "", "3.5"],
      ],
      true,
      CRITERIA,
    );
    expect(table.partners).toEqual(["Acme", "Globex"]);
    expect(table.ratedCriteria).toEqual([0, 1]);
    expect(table.ratings).toEqual([
      [5, 4, null, null, null],
      [3.5, null, null, null, null],
    ]);
    expect(table.problems).toEqual([]);
  });

  it("reports a rating that is not a number, by partner and criterion, and keeps the row", () => {
    const table = partnerTable(
      [
        ["Partner", "Capabilities"],
        ["Acme", "great"],
      ],
      true,
      CRITERIA,
    );
    expect(table.ratings).toEqual([[null, null, null, null, null]]);
    expect(table.problems).toEqual([
      { partner: 0, criterion: 2, message: 'Acme: the Capabilities rating "great" is not a number' },
    ]);
  });

  it("never takes the name column as a rating column, even if its header names a criterion", () => {
    const table = partnerTable([["Strategic fit"], ["Acme"]], true, CRITERIA);
    expect(table.ratedCriteria).toEqual([]);
    expect(table.partners).toEqual(["Acme"]);
  });
});

describe("guessPartnerColumns and a chosen mapping", () => {
  it("takes the first column that is neither a criterion nor an identifier as the names", () => {
    const header = ["Account ID", "Partner", "Strategic fit", "Region", "Track record"];
    expect(guessPartnerColumns(header, CRITERIA)).toEqual({ name: 1, criteria: [2, -1, -1, -1, 4] });
    expect(guessPartnerColumns(["CRM code", "Reseller no.", "Company"], CRITERIA).name).toBe(2);
    expect(guessPartnerColumns([], CRITERIA)).toEqual({ name: 0, criteria: [-1, -1, -1, -1, -1] });
  });

  it("reads the names and ratings from the columns the user chose, never rating from the name column", () => {
    const cells = [
      ["Account ID", "Partner", "Fit", "Region"],
      ["001A", "Acme", "4", "EMEA"],
    ];
    const table = partnerTable(cells, true, CRITERIA, { name: 1, criteria: [2, -1, -1, -1, 1] });
    expect(table.partners).toEqual(["Acme"]);
    expect(table.ratedCriteria).toEqual([0]);
    expect(table.ratings).toEqual([[4, null, null, null, null]]);
  });
});
