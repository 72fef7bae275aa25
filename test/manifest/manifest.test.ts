import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { projectRoot, readManifest } from "./manifest-source";
import { at, childrenNamed, descendants, parseXml, type XmlElement } from "./xml-tree";

/**
 * What the schema cannot say about manifest.xml: that every resid resolves to a resource of the
 * right kind, every URL is https on the dev server, the version follows package.json, and the
 * shared runtime, the PE functions and the ribbon button are wired to the same page.
 */
const manifest = parseXml(readManifest());
const overrides = at(manifest, "VersionOverrides");
const workbookHost = at(overrides, "Hosts", "Host");
const resources = at(overrides, "Resources");
const packageJson = JSON.parse(readFileSync(resolve(projectRoot, "package.json"), "utf8")) as { version: string };

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";

/** The resource group a resid must come from, by the element that uses it. */
const RESID_KIND: Record<string, ResourceKind> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  Runtime: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

function resourcesOf(kind: ResourceKind): Map<string, string> {
  const entries = at(resources, kind).children.map((entry) => [entry.attributes.id, entry.attributes.DefaultValue] as const);
  return new Map(entries);
}

const resourceKinds: ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const usesOfResid = descendants(overrides).filter((element) => element.attributes.resid !== undefined);

function urlOf(resid: string): string {
  const url = resourcesOf("bt:Urls").get(resid);
  if (!url) throw new Error(`no bt:Url ${resid}`);
  return url;
}

function extensionPoint(type: string): XmlElement {
  const found = descendants(workbookHost).filter(
    (element) => element.name === "ExtensionPoint" && element.attributes["xsi:type"] === type,
  );
  expect(found).toHaveLength(1);
  return found[0];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const DEV_ORIGIN = "https://localhost:3000/";

describe("manifest.xml", () => {
  it("declares an Excel task-pane add-in with a fixed GUID, the workbook host and read/write access", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(at(manifest, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(childrenNamed(at(manifest, "Hosts"), "Host").map((host) => host.attributes.Name)).toEqual(["Workbook"]);
    expect(workbookHost.attributes["xsi:type"]).toBe("Workbook");
    expect(at(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  it("has the version of package.json, as four parts", () => {
    const version = at(manifest, "Version").text.trim();
    expect(version).toBe(`${packageJson.version}.0`);
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("allows no foreign domains", () => {
    expect(descendants(manifest).filter((element) => element.name === "AppDomains" || element.name === "AppDomain")).toEqual([]);
  });

  it("resolves every resid to a resource of the kind its element needs", () => {
    expect(usesOfResid.length).toBeGreaterThan(10);
    const unresolved = usesOfResid
      .filter((use) => {
        const kind = RESID_KIND[use.name];
        return kind === undefined || !resourcesOf(kind).has(use.attributes.resid);
      })
      .map((use) => `<${use.name} resid="${use.attributes.resid}">`);
    expect(unresolved).toEqual([]);
  });

  it("defines each resource once and uses every one", () => {
    const used = new Set(usesOfResid.map((use) => use.attributes.resid));
    const defined = resourceKinds.flatMap((kind) => at(resources, kind).children.map((entry) => entry.attributes.id));
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
    for (const kind of resourceKinds)
      for (const value of resourcesOf(kind).values()) expect(value).toEqual(expect.stringMatching(/\S/));
  });

  it("uses https for every URL, all on the dev server", () => {
    const urls: string[] = [];
    for (const element of descendants(manifest)) {
      for (const [name, value] of Object.entries(element.attributes)) {
        if (name === "xmlns" || name.startsWith("xmlns:")) continue; // namespace names, not URLs
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.includes(" ")) urls.push(value);
      }
      const text = element.text.trim();
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push(text);
    }
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) expect(url.startsWith(DEV_ORIGIN)).toBe(true);
    for (const kind of ["bt:Urls", "bt:Images"] as const) {
      for (const url of resourcesOf(kind).values()) expect(url).toMatch(/^https:\/\/localhost:3000\/\S+$/);
    }
  });

  it("runs the functions and the task pane in one shared runtime, on one page", () => {
    const runtimes = childrenNamed(at(workbookHost, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
    const pageResid = runtimes[0].attributes.resid;
    expect(urlOf(pageResid)).toBe(`${DEV_ORIGIN}taskpane.html`);

    const functions = extensionPoint("CustomFunctions");
    expect(at(functions, "Page", "SourceLocation").attributes.resid).toBe(pageResid);
    const showTaskpane = descendants(workbookHost).filter(
      (element) => element.name === "Action" && element.attributes["xsi:type"] === "ShowTaskpane",
    );
    expect(showTaskpane).toHaveLength(1);
    expect(at(showTaskpane[0], "SourceLocation").attributes.resid).toBe(pageResid);
    expect(at(workbookHost, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe(pageResid);
    expect(at(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(urlOf(pageResid));

    const sets = childrenNamed(at(manifest, "Requirements", "Sets"), "Set").map((set) => set.attributes.Name);
    expect(sets).toContain("SharedRuntime");
  });

  it("declares the custom functions under the PE namespace with the built script and metadata", () => {
    const functions = extensionPoint("CustomFunctions");
    expect(resourcesOf("bt:ShortStrings").get(at(functions, "Namespace").attributes.resid)).toBe("PE");
    expect(urlOf(at(functions, "Script", "SourceLocation").attributes.resid)).toBe(`${DEV_ORIGIN}functions.js`);
    expect(urlOf(at(functions, "Metadata", "SourceLocation").attributes.resid)).toBe(`${DEV_ORIGIN}functions.json`);
  });

  it("puts a button that opens the pane on the Home tab", () => {
    const surface = extensionPoint("PrimaryCommandSurface");
    const tab = at(surface, "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const buttons = descendants(tab).filter(
      (element) => element.name === "Control" && element.attributes["xsi:type"] === "Button",
    );
    expect(buttons).toHaveLength(1);
    expect(at(buttons[0], "Action").attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(resourcesOf("bt:ShortStrings").get(at(buttons[0], "Label").attributes.resid)).toBe("Partner Economics");
  });

  it("points every icon at a PNG in assets/ of the stated size", () => {
    const expectIcon = (url: string, size: number) => {
      const file = resolve(projectRoot, url.slice(DEV_ORIGIN.length));
      expect(file.startsWith(resolve(projectRoot, "assets"))).toBe(true);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    };
    expectIcon(at(manifest, "IconUrl").attributes.DefaultValue, 32);
    expectIcon(at(manifest, "HighResolutionIconUrl").attributes.DefaultValue, 64);
    const images = resourcesOf("bt:Images");
    const iconUses = usesOfResid.filter((use) => use.name === "bt:Image");
    expect(new Set(iconUses.map((use) => use.attributes.size))).toEqual(new Set(["16", "32", "80"]));
    for (const use of iconUses) expectIcon(images.get(use.attributes.resid) as string, Number(use.attributes.size));
  });
});
