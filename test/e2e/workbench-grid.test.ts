/**
 * The workbench's grid as a spreadsheet user drives it, in Chromium: a 3 × 3 block typed with
 * Tab and Enter, typing read as Excel reads it, a bad formula refused in Excel's words, TSV
 * copy and paste, Delete, a wizard's write undone with Ctrl+Z and redone with Ctrl+Y, a rating of
 * 7 refused by the plan's validation, a sheet renamed, the workbook back after a reload, an .xlsx
 * written by `pe-calc new deal` opened and downloaded back, notices that can be dismissed, the
 * formula box and the Name Box over the open workbook, and the dark theme. The tests of this file
 * run in order on one page.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { buildQualificationPlan } from "../../src/workbook/models/qualification";
import { cellAddress } from "../../src/workbook/a1";
import { openPage } from "./support/browser";
import { projectRoot } from "./support/pages";
import { expectCleanStep, startSession, type BrowserSession } from "./support/session";
import { cellText, goToCell, pane } from "./support/workbench-page";

jest.setTimeout(120_000);

let session: BrowserSession;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  session = await startSession();
  ({ page, errors: pageErrors } = await openPage(session.browser, session.served.origin, "index.html"));
  // A reload with a change not yet stored asks first: this user says "leave".
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("sheet-grid").waitFor();
}, 300_000);

afterAll(() => session?.close());

const grid = () => page.getByTestId("sheet-grid");
const sheetTab = (name: string) => page.getByTestId("sheet-tabs").getByRole("tab", { name, exact: true });
const checkStep = (name: string) => expectCleanStep(page, `workbench-grid-${name}`);

/** Dispatches a paste of `text` on the grid, as the browser does for Ctrl+V with that text on the clipboard. */
async function pasteText(text: string): Promise<void> {
  await grid().evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Dispatches a copy on the grid and returns what it put on the clipboard as text. */
async function copiedText(): Promise<string> {
  return grid().evaluate((element) => {
    const data = new DataTransfer();
    element.dispatchEvent(new ClipboardEvent("copy", { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData("text/plain");
  });
}

const PARTNERS = ["Acme", "Globex"];
const { layout } = buildQualificationPlan({
  partners: PARTNERS,
  ratings: [
    [5, 5, 5, 5, 5],
    [4, 4, 4, 4, 4],
  ],
});
const ratingCell = cellAddress({ row: layout.firstDataRow, col: layout.columns.criteria[0] });

describe("typing in the grid, as in Excel", () => {
  it("lands a 3 × 3 block typed with Tab and Enter in the right cells (Enter returns to the first column)", async () => {
    await goToCell(page, "B2");
    for (const row of [
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "=SUM(B2:D3)"],
    ]) {
      for (let c = 0; c < row.length; c++) {
        await page.keyboard.type(row[c]);
        await page.keyboard.press(c < row.length - 1 ? "Tab" : "Enter");
      }
    }
    const expected: Record<string, string> = { B2: "1", C2: "2", D2: "3", B3: "4", C3: "5", D3: "6", B4: "7", C4: "8", D4: "21" };
    for (const [address, shown] of Object.entries(expected)) await expect(cellText(page, address)).resolves.toBe(shown);
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("D4");
  });

  it("reads 500,000, 30%, $1,200 and dates as numbers and shows them through their format", async () => {
    const typed: [string, string, string][] = [
      ["F2", "500,000", "500,000"],
      ["F3", "30%", "30%"],
      ["F4", "$1,200", "$1,200"],
      ["F5", "2026-03-15", "3/15/2026"],
      ["F6", "=F2*F3", "150000"],
    ];
    for (const [address, text] of typed) {
      await goToCell(page, address);
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    }
    for (const [address, , shown] of typed) {
      await expect(cellText(page, address)).resolves.toBe(shown);
      await expect(page.locator(`[data-address="${address}"]`).getAttribute("data-kind")).resolves.toBe("number");
    }
  });

  it("refuses a formula it cannot read with Excel's words, and Retry goes back to editing it", async () => {
    await goToCell(page, "H2");
    await page.keyboard.type("=SUM(1,2");
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("entry-refused");
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain("There's a problem with this formula: a '(' is not closed.");
    await checkStep("1-formula-refused");
    await dialog.getByRole("button", { name: "Retry" }).click();
    const editor = page.getByRole("textbox", { name: "Edit cell H2" });
    await expect(editor.inputValue()).resolves.toBe("=SUM(1,2");
    await page.keyboard.type(")");
    await page.keyboard.press("Enter");
    await expect(cellText(page, "H2")).resolves.toBe("3");
  });

  it("copies a range as TSV, pastes TSV from Excel (quoted cells included) and clears with Delete", async () => {
    await goToCell(page, "B2");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await expect(copiedText()).resolves.toBe("1\t2\r\n4\t5\r\n");

    await goToCell(page, "J2");
    await pasteText('Partner\tNote\r\nAcme\t"two\nlines"\r\n"Say ""hi"""\t1,500\r\n');
    await expect(cellText(page, "J2")).resolves.toBe("Partner");
    await expect(page.getByTestId("formula-input").inputValue()).resolves.toBe("Partner");
    await goToCell(page, "K3");
    await expect(page.getByTestId("formula-input").inputValue()).resolves.toBe("two\nlines".replace("\n", ""));
    await expect(cellText(page, "J4")).resolves.toBe('Say "hi"');
    await expect(cellText(page, "K4")).resolves.toBe("1,500");

    await goToCell(page, "J2");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Delete");
    await expect(cellText(page, "J2")).resolves.toBe("");
    await expect(cellText(page, "J3")).resolves.toBe("");
    await grid().focus();
    await page.keyboard.press("Control+z");
    await expect(cellText(page, "J3")).resolves.toBe("Acme");
  });
});

describe("a wizard's write in the grid", () => {
  it("is undone by Ctrl+Z as one step and redone by Ctrl+Y", async () => {
    await pane(page).getByRole("radio", { name: "In a list I paste" }).check();
    await pane(page)
      .getByLabel("Partner names, one per line")
      .fill(
        [
          "Partner\tStrategic fit\tMarket reach\tCapabilities\tFinancial health\tTrack record",
          "Acme\t5\t5\t5\t5\t5",
          "Globex\t4\t4\t4\t4\t4",
        ].join("\n"),
      );
    await pane(page)
      .getByRole("checkbox", { name: /first row holds column headers/ })
      .check();
    await pane(page).getByRole("button", { name: "Next" }).click();
    await pane(page).getByRole("button", { name: "5. Review and write" }).click();
    await pane(page).getByRole("button", { name: "Write the matrix" }).click();
    await pane(page).getByTestId("write-summary").waitFor();
    await expect(grid().getAttribute("data-sheet")).resolves.toBe("Qualification");
    // The plan's chart is drawn over the grid, from the tier counts it charts.
    await expect(page.getByTestId("plan-chart").getAttribute("data-title")).resolves.toBe("Partners by tier");
    const tabs = page.getByTestId("sheet-tabs");
    await expect(tabs.getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1", "Qualification"]);

    await grid().focus();
    await page.keyboard.press("Control+z");
    await expect(tabs.getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1"]);
    await page.keyboard.press("Control+y");
    await expect(tabs.getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1", "Qualification"]);
    await sheetTab("Qualification").click();
    await expect(cellText(page, cellAddress({ row: layout.firstDataRow, col: 0 }))).resolves.toBe("Acme");
  });

  it("refuses a rating of 7 with the plan's validation message, and keeps the rating", async () => {
    await goToCell(page, ratingCell);
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("entry-refused");
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toMatch(/rating/i);
    await checkStep("2-validation-refused");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(cellText(page, ratingCell)).resolves.toBe("5");
    await expect(cellText(page, cellAddress({ row: layout.firstDataRow, col: layout.columns.rank }))).resolves.toBe("1");
  });

  it("renames a sheet from the sheet menu, formulas following", async () => {
    await page.getByTestId("sheet-menu").click();
    await page.getByRole("menuitem", { name: "Rename sheet…" }).click();
    await page.getByTestId("sheet-name-input").fill("Partners 2026");
    await page.getByRole("button", { name: "Rename", exact: true }).click();
    await expect(grid().getAttribute("data-sheet")).resolves.toBe("Partners 2026");
    await goToCell(page, ratingCell);
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await expect(cellText(page, ratingCell)).resolves.toBe("4");
  });

  it("goes to a defined name from the Name Box and evaluates the workbook's names in the formula box", async () => {
    await sheetTab("Sheet1").click();
    const nameBox = page.getByTestId("name-box");
    await nameBox.fill("Qual_Weights");
    await nameBox.press("Enter");
    await expect(grid().getAttribute("data-sheet")).resolves.toBe("Partners 2026");
    await expect(nameBox.inputValue()).resolves.toBe("B4:F4");

    await page.getByRole("tab", { name: "Formula box" }).click();
    const formula = page.getByRole("textbox", { name: "Formula", exact: true });
    await formula.fill("=SUM(Qual_Weights)");
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(page.locator("output").first().innerText()).resolves.toBe("100");
    await formula.fill("=SUM(1,");
    await page.getByRole("button", { name: "Evaluate" }).click();
    await expect(page.locator("output").first().innerText()).resolves.toMatch(/^There's a problem with this formula/);
    await page.getByRole("tab", { name: "Workbook" }).click();
  });
});

describe("keeping and opening work", () => {
  it("restores the workbook after a reload", async () => {
    await expect(page.getByTestId("save-state").innerText()).resolves.toMatch(/Saving|Saved/);
    await page.getByText("Saved in this browser").waitFor();
    await page.reload();
    await grid().waitFor();
    await expect(page.getByTestId("workbench-notice").innerText()).resolves.toContain("Your workbook is back");
    await expect(page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Sheet1", "Partners 2026"]);
    await sheetTab("Sheet1").click();
    await expect(cellText(page, "D4")).resolves.toBe("21");
    await expect(cellText(page, "F5")).resolves.toBe("3/15/2026");
    await sheetTab("Partners 2026").click();
    await expect(cellText(page, ratingCell)).resolves.toBe("4");
    // The rule came back with the workbook.
    await goToCell(page, ratingCell);
    await page.keyboard.type("7");
    await page.keyboard.press("Enter");
    await page.getByTestId("entry-refused").getByRole("button", { name: "Cancel" }).click();
    await page.getByTestId("workbench-notice").getByRole("button", { name: "Dismiss" }).click();
    await expect(page.getByTestId("workbench-notice").count()).resolves.toBe(0);
  });

  it("opens an .xlsx written by `pe-calc new deal` and downloads it back with the same parts, the chart and an edit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pe-grid-"));
    const written = join(dir, "deal.xlsx");
    execFileSync(process.execPath, [
      resolve(projectRoot, "bin/pe-calc.js"),
      "new",
      "deal",
      "--from",
      resolve(projectRoot, "docs/examples/deal.json"),
      "-o",
      written,
    ]);
    await page.getByTestId("open-file").setInputFiles(written);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await expect(page.getByTestId("workbench-notice").innerText()).resolves.toContain("Opened “deal.xlsx”");
    await sheetTab("Deal model").waitFor();
    await expect(page.getByTestId("sheet-tabs").getByRole("tab").allInnerTexts()).resolves.toEqual(["Deal model"]);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(written);
    const sheet = original.getWorksheet("Deal model")!;
    const formulaCells: { address: string; formula: string; result: unknown }[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula && formulaCells.length < 12)
          formulaCells.push({ address: cell.address, formula: cell.formula, result: cell.result });
      }),
    );
    expect(formulaCells.length).toBeGreaterThan(0);
    // A money cell shows through the file's own currency format.
    const money = formulaCells.find((f) => typeof f.result === "number" && f.result > 1000);
    if (money) await expect(cellText(page, money.address)).resolves.toMatch(/^[^\d]*\d{1,3}(,\d{3})+/);
    await expect(page.getByTestId("workbench-notice").innerText()).resolves.toContain("Opened");
    await checkStep("3-opened-deal");

    // An edit in a cell beside the model, to be found in the same cell of the file.
    await goToCell(page, "Z1");
    await page.keyboard.type("edited here");
    await page.keyboard.press("Enter");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download .xlsx" }).click(),
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(await download.path());
    expect(back.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual(["Deal model"]);
    const names = (wb: ExcelJS.Workbook) =>
      (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(",")}`).sort();
    expect(names(back)).toEqual(names(original));
    const backSheet = back.getWorksheet("Deal model")!;
    for (const f of formulaCells) {
      const cell = backSheet.getCell(f.address);
      expect({ address: f.address, formula: cell.formula, result: cell.result }).toEqual(f);
    }
    expect(backSheet.getCell("Z1").value).toBe("edited here");
    // The lossless path: the same parts, and every part but the edited sheet with the same content
    // (the add-in reference, dynamic-array metadata, styles, the chart and its drawing among them).
    const parts = async (path: string) => {
      const zip = await JSZip.loadAsync(readFileSync(path));
      const names = Object.keys(zip.files).filter((name) => !name.endsWith("/"));
      return new Map(await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async("base64")] as const)));
    };
    const before = await parts(written);
    const after = await parts(await download.path());
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before.keys()]).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/webextensions/webextension1.xml", "xl/metadata.xml"]),
    );
    const changed = [...before].filter(([name, content]) => after.get(name) !== content).map(([name]) => name);
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
    const notice = await page.getByTestId("workbench-notice").innerText();
    expect(notice).not.toMatch(/ExcelJS|PE_Settings|very hidden/);
    await checkStep("4-downloaded");
    expect(pageErrors).toEqual([]);
  });
});

describe("the look", () => {
  it("follows a dark system theme", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    const background = await page
      .getByRole("main", { name: "Workbook" })
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
    await checkStep("5-dark");
    await page.emulateMedia({ colorScheme: "light" });
  });
});
