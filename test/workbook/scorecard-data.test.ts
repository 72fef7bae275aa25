import {
  combineData,
  guessActualsMapping,
  guessContractsMapping,
  readActuals,
  readContracts,
} from "../../src/workbook/models/scorecard/data-mapping";
import { detectDelimiter } from "../../src/workbook/input/delimited-text";
import { DataTextError, readDelimited } from "../../src/workbook/models/scorecard/delimited-text";

/** Reading pasted or CSV data for the scorecard: the column guess, long and wide form, contracts, and errors naming line and column. */
describe("scorecard data text", () => {
  test("the delimiter is the one the header holds most of: tab from Excel, semicolon, comma", () => {
    expect(detectDelimiter("partner\tperiod\ttarget\tactual\nA\t1\t2\t3")).toBe("\t");
    expect(detectDelimiter("partner;period;target;actual")).toBe(";");
    expect(detectDelimiter('partner,"a;b",target')).toBe(",");
  });

  test("long form: columns found by name in any order, quarters put in time order, blanks kept as not reported", () => {
    const table = readDelimited(
      'Actual,Partner,Quarter,Target\n5,Acme,Q2 2025,10\n,Acme,Q3 2025,10\n"1,200",Acme,Q1 2025,10\n7,Beta,Q1 2025,8\n',
    );
    const mapping = guessActualsMapping(table.header);
    expect(mapping).toEqual({ layout: "long", partner: 1, period: 2, target: 3, actual: 0 });
    expect(readActuals(table, mapping)).toEqual({
      periods: ["Q1 2025", "Q2 2025", "Q3 2025"],
      partners: [
        { name: "Acme", targets: [10, 10, 10], actuals: [1200, 5, null] },
        { name: "Beta", targets: [8, null, null], actuals: [7, null, null] },
      ],
    });
  });

  test("wide form: a target and an actual column per quarter, headed either way round", () => {
    const table = readDelimited("Partner,2025-Q1 target,2025-Q1 actual,Target 2025-Q2,Actual 2025-Q2\nAcme,10,12,10,\n");
    const mapping = guessActualsMapping(table.header);
    expect(mapping.layout).toBe("wide");
    expect(readActuals(table, mapping)).toEqual({
      periods: ["2025-Q1", "2025-Q2"],
      partners: [{ name: "Acme", targets: [10, 10], actuals: [12, null] }],
    });
  });

  test("contracts by header, KPI columns by the KPI's name; partners with a contract but no actuals join", () => {
    const table = readDelimited(
      "Partner,Start date,Initial term,Auto-renewal (years),Notice days,NPS\nAcme,2024-01-15,2,1,60,9\nNew Co,45658,1,0,30,\n",
    );
    const contracts = readContracts(table, guessContractsMapping(table.header, ["nps"]));
    expect(contracts.get("ACME")).toEqual({
      name: "Acme",
      start: "2024-01-15",
      initialYears: 2,
      renewalYears: 1,
      noticeDays: 60,
      kpis: [9],
    });
    expect(contracts.get("NEW CO")!.start).toBe("2025-01-01"); // an Excel date serial
    const data = combineData(
      {
        periods: ["Q1"],
        partners: [
          { name: "acme", targets: [1], actuals: [1] },
          { name: "Solo", targets: [1], actuals: [1] },
        ],
      },
      contracts,
    );
    expect(data.partners.map((p) => p.name)).toEqual(["acme", "Solo", "New Co"]);
    expect(data.withoutContract).toEqual(["Solo"]);
  });

  test.each([
    ["partner,period,target,actual\nA,2025-Q1,ten,1\n", 'line 2, column 3 "target": "ten" is not a number'],
    ["partner,period,target,actual\n,2025-Q1,1,1\n", 'line 2, column 1 "partner": the partner\'s name is blank'],
    ["partner,period,target,actual\nA,,1,1\n", 'line 2, column 2 "period": the period is blank'],
    ["partner,period,target,actual\n", "there is a header row but no data below it"],
    ["", "there is no data: put a header row first, then the rows"],
  ])("errors name the line and column (%#)", (text, message) => {
    expect(() => {
      const table = readDelimited(text);
      readActuals(table, guessActualsMapping(table.header));
    }).toThrow(new DataTextError(message));
  });
});
