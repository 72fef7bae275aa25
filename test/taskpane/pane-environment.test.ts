import { detectPaneEnvironment, STANDALONE_ENVIRONMENT } from "../../src/taskpane/pane-environment";
import { listPeFunctions } from "../../src/taskpane/function-list";
import { colorSchemeOf } from "../../src/taskpane/theme";
import functionsJson from "../../generated/functions.json";

/** A stand-in for the parts of office.js that host.ts reads. */
function fakeOffice(
  onReady: () => Promise<{ host: Office.HostType | null; platform: Office.PlatformType | null }>,
  bodyBackgroundColor?: string,
) {
  return {
    onReady,
    HostType: { Excel: "Excel" },
    context: { officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : undefined },
  } as unknown as typeof Office;
}

describe("detectPaneEnvironment", () => {
  it("runs standalone when office.js is not loaded", async () => {
    expect(await detectPaneEnvironment(undefined)).toEqual(STANDALONE_ENVIRONMENT);
  });

  it("runs standalone when office.js reports no host (a plain browser tab)", async () => {
    expect(await detectPaneEnvironment(fakeOffice(async () => ({ host: null, platform: null })))).toEqual(STANDALONE_ENVIRONMENT);
  });

  it("runs standalone when Office.onReady never settles or fails", async () => {
    expect(
      await detectPaneEnvironment(
        fakeOffice(() => new Promise(() => undefined)),
        20,
      ),
    ).toEqual(STANDALONE_ENVIRONMENT);
    expect(await detectPaneEnvironment(fakeOffice(() => Promise.reject(new Error("no host"))))).toEqual(STANDALONE_ENVIRONMENT);
  });

  it("runs in Excel with Office's theme", async () => {
    const excel = "Excel" as unknown as Office.HostType;
    const online = "OfficeOnline" as unknown as Office.PlatformType;
    expect(await detectPaneEnvironment(fakeOffice(async () => ({ host: excel, platform: online }), "#262626"))).toEqual({
      kind: "excel",
      colorScheme: "dark",
      platform: "OfficeOnline",
    });
    expect(
      (await detectPaneEnvironment(fakeOffice(async () => ({ host: excel, platform: online }), "#FFFFFF"))).colorScheme,
    ).toBe("light");
    expect((await detectPaneEnvironment(fakeOffice(async () => ({ host: excel, platform: online })))).colorScheme).toBe("light");
  });

  it("does not claim another Office application as Excel", async () => {
    const word = "Word" as unknown as Office.HostType;
    expect(await detectPaneEnvironment(fakeOffice(async () => ({ host: word, platform: null })))).toEqual(STANDALONE_ENVIRONMENT);
  });
});

describe("colorSchemeOf", () => {
  it.each([
    ["#262626", "dark"],
    ["#444444", "dark"],
    ["#000000", "dark"],
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
    ["#e6e6e6", "light"],
    ["", "light"],
    [undefined, "light"],
    ["not a colour", "light"],
  ])("%s is %s", (colour, scheme) => {
    expect(colorSchemeOf(colour)).toBe(scheme);
  });
});

describe("listPeFunctions", () => {
  it("lists every function of functions.json with its signature and reference anchor", () => {
    const listed = listPeFunctions();
    expect(listed.map((fn) => fn.id)).toEqual(functionsJson.functions.map((fn) => fn.id));
    const score = listed.find((fn) => fn.id === "PARTNER_SCORE");
    expect(score).toMatchObject({
      qualifiedName: "PE.PARTNER_SCORE",
      signature: "PE.PARTNER_SCORE(ratings, [weights], [scale])",
      referenceLink: "reference.html#pe-partner_score",
    });
    for (const fn of listed) {
      expect(fn.description.length).toBeGreaterThan(10);
      const helpUrl = functionsJson.functions.find((meta) => meta.id === fn.id)?.helpUrl ?? "";
      expect(helpUrl.endsWith(fn.referenceLink)).toBe(true);
    }
  });
});
