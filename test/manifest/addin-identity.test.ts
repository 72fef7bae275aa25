import { ADDIN_ID, ADDIN_VERSION } from "../../src/workbook/xlsx-package/addin-identity";
import { AUTO_SHOW_TASKPANE } from "../../src/workbook/xlsx-package/addin-reference";
import { readManifest } from "./manifest-source";
import { at, descendants, parseXml } from "./xml-tree";

/** Files reference the add-in by the manifest's Id and Version, and open the pane the manifest names for that. */
describe("the add-in identity written into files follows manifest.xml", () => {
  const manifest = parseXml(readManifest());

  test("reference id and version", () => {
    expect(at(manifest, "Id").text).toBe(ADDIN_ID);
    expect(at(manifest, "Version").text).toBe(ADDIN_VERSION);
  });

  test("the ribbon button's pane is the one Excel opens with a document (TaskpaneId Office.AutoShowTaskpaneWithDocument)", () => {
    const ids = descendants(manifest)
      .filter((e) => e.name === "TaskpaneId")
      .map((e) => e.text);
    expect(ids).toEqual([AUTO_SHOW_TASKPANE]);
  });
});
