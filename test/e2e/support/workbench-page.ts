/** Driving the workbench the way a user does: the name box, the formula bar, the grid. */
import type { Page } from "playwright-core";

export function pane(page: Page) {
  return page.getByTestId("task-pane");
}

/** Types an address into the name box and presses Enter: the grid selects and scrolls to it. */
export async function goToCell(page: Page, address: string): Promise<void> {
  const nameBox = page.getByTestId("name-box");
  await nameBox.fill(address);
  await nameBox.press("Enter");
  await page.locator(`[data-testid=sheet-grid] [data-address="${address}"]`).waitFor();
}

export async function cellText(page: Page, address: string): Promise<string> {
  await goToCell(page, address);
  return (await page.locator(`[data-testid=sheet-grid] [data-address="${address}"]`).innerText()).trim();
}

export async function cellKind(page: Page, address: string): Promise<string | null> {
  await goToCell(page, address);
  return page.locator(`[data-testid=sheet-grid] [data-address="${address}"]`).getAttribute("data-kind");
}

/** What the formula bar shows for the cell: its formula, or its value as typed. */
export async function formulaBarOf(page: Page, address: string): Promise<string> {
  await goToCell(page, address);
  return page.getByTestId("formula-input").inputValue();
}

/** Selects the cell and types into it, in the grid itself: typing starts the editor, Enter commits. */
export async function typeInCell(page: Page, address: string, typed: string): Promise<void> {
  await goToCell(page, address);
  await page.keyboard.type(typed);
  await page.keyboard.press("Enter");
}

/** Selects the cell and replaces its content through the formula bar. */
export async function typeInFormulaBar(page: Page, address: string, typed: string): Promise<void> {
  await goToCell(page, address);
  const input = page.getByTestId("formula-input");
  await input.fill(typed);
  await input.press("Enter");
}

/**
 * Selects the cell and pastes `text` there, as Ctrl+V does with that text on the clipboard. As in
 * Excel, a paste is not held to the cell's data validation, so it can put in what typing cannot.
 */
export async function pasteInCell(page: Page, address: string, text: string): Promise<void> {
  await goToCell(page, address);
  await page.getByTestId("sheet-grid").evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
