import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { validateXML } from "xmllint-wasm";
import { projectRoot, readManifest } from "./manifest-source";

/**
 * Offline XSD validation of manifest.xml against the project's copy of Microsoft's schemas. xmllint
 * honours only one --schema, so the main schema is the schema and the five it imports are
 * preloaded into its file system (passing all six as schemas validates against the last one only).
 */
const SCHEMA_DIR = resolve(projectRoot, "test", "manifest-schema");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const IMPORTED_SCHEMAS = [
  "OfficeAppBasicTypesV1_0.xsd",
  "TaskPaneAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_0.xsd",
  "MailAppVersionOverridesV1_1.xsd",
  "ContentAppVersionOverridesV1_0.xsd",
];

function schemaFile(fileName: string) {
  return { fileName, contents: readFileSync(resolve(SCHEMA_DIR, fileName), "utf8") };
}

async function validate(xml: string) {
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [schemaFile(MAIN_SCHEMA)],
    preload: IMPORTED_SCHEMAS.map(schemaFile),
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

describe("manifest.xml against the Office add-in XML schemas", () => {
  it("is valid", async () => {
    const result = await validate(readManifest());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  // The negative cases prove the schema set is really applied, down into VersionOverrides.
  it("rejects a manifest without an Id", async () => {
    const result = await validate(readManifest().replace(/<Id>[^<]*<\/Id>/, ""));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Version.*not expected|Expected is.*Id/);
  });

  it("rejects an unknown element inside the workbook host's overrides", async () => {
    const result = await validate(readManifest().replace("<AllFormFactors>", "<Unknown/><AllFormFactors>"));
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toContain("Unknown");
  });

  it("rejects a permission that does not exist", async () => {
    const result = await validate(
      readManifest().replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"),
    );
    expect(result.valid).toBe(false);
  });
});
