/**
 * Document settings saved in a workbook file: from the add-in's web-extension part (where Excel
 * and files written here keep them), or, for files written by pe-calc before the web-extension
 * parts, from the very hidden sheet LEGACY_SETTINGS_SHEET (key in column A, JSON in column B).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { settingsFromWebExtension, webExtensionPartsOf } from "./addin-reference";

/** Where pe-calc kept document settings before files carried the add-in reference. */
export const LEGACY_SETTINGS_SHEET = "PE_Settings";

export async function readSettingsFromPackage(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (/\.(xml|rels)$/.test(name) && !/^xl\/worksheets\//.test(name)) texts.set(name, await zip.file(name)!.async("string"));
  const settings = new Map<string, string>();
  for (const part of webExtensionPartsOf((p) => texts.get(p))) {
    const xml = texts.get(part);
    if (xml !== undefined) for (const [key, json] of settingsFromWebExtension(xml)) settings.set(key, json);
  }
  if (settings.size > 0) return settings;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return readLegacySettingsSheet(workbook);
}

export function readLegacySettingsSheet(workbook: ExcelJS.Workbook): Map<string, string> {
  const settings = new Map<string, string>();
  workbook.getWorksheet(LEGACY_SETTINGS_SHEET)?.eachRow((row, index) => {
    if (index === 1) return;
    const key = row.getCell(1).text;
    if (key) settings.set(key, row.getCell(2).text);
  });
  return settings;
}
