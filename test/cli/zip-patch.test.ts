import JSZip from "jszip";
import { assembleWithZlib, entryText, readZip, writeZip } from "../../src/cli/zip-patch";

async function archive(options: { streamFiles: boolean; compression: "STORE" | "DEFLATE" }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("xl/a.xml", "<a>old</a>");
  zip.file("xl/b.bin", Buffer.from([0, 1, 2, 3, 250, 251]));
  zip.file("docProps/ünïcode.xml", "<x/>");
  return zip.generateAsync({ type: "nodebuffer", ...options });
}

describe("zip patching keeps every untouched entry's bytes", () => {
  test.each([
    ["deflated, sizes in the headers", { streamFiles: false, compression: "DEFLATE" as const }],
    ["deflated, data descriptors after the data (streamed)", { streamFiles: true, compression: "DEFLATE" as const }],
    ["stored", { streamFiles: false, compression: "STORE" as const }],
  ])("%s", async (_, options) => {
    const original = await archive(options);
    const source = readZip(original);
    const patched = writeZip(source, { replaced: new Map([["xl/a.xml", Buffer.from("<a>new</a>")]]) });
    const back = readZip(patched);
    expect(back.entries.map((e) => e.name)).toEqual(source.entries.map((e) => e.name));
    expect(entryText(back, "xl/a.xml")).toBe("<a>new</a>");
    for (const name of ["xl/b.bin", "docProps/ünïcode.xml"]) {
      const before = source.entries.find((e) => e.name === name)!;
      const after = back.entries.find((e) => e.name === name)!;
      const raw = (z: typeof source, e: typeof before) => z.data.subarray(e.localOffset, e.localOffset + 30 + e.compressedSize);
      expect(raw(back, after).subarray(30 + Buffer.byteLength(name))).toEqual(
        raw(source, before).subarray(30 + Buffer.byteLength(name)),
      );
    }
    const zip = await JSZip.loadAsync(patched);
    expect(await zip.file("xl/a.xml")!.async("string")).toBe("<a>new</a>");
    expect([...(await zip.file("xl/b.bin")!.async("nodebuffer"))]).toEqual([0, 1, 2, 3, 250, 251]);
    expect(await zip.file("docProps/ünïcode.xml")!.async("string")).toBe("<x/>");
  });

  test("the writer's assembler zips ExcelJS's parts with the edits in their places and new parts last", async () => {
    const written = new Map<string, string | Uint8Array>([
      ["[Content_Types].xml", "<Types/>"],
      ["xl/a.xml", "<a>old</a>"],
      ["xl/media/b.bin", new Uint8Array([0, 1, 2, 3, 250, 251])],
    ]);
    const out = assembleWithZlib(
      written,
      new Map([
        ["xl/a.xml", "<a>edited</a>"],
        ["xl/new/part.xml", "<p/>"],
      ]),
    );
    const zip = await JSZip.loadAsync(out);
    expect(await zip.file("xl/a.xml")!.async("string")).toBe("<a>edited</a>");
    expect(await zip.file("xl/new/part.xml")!.async("string")).toBe("<p/>");
    expect([...(await zip.file("xl/media/b.bin")!.async("nodebuffer"))]).toEqual([0, 1, 2, 3, 250, 251]);
    const entries = readZip(out).entries;
    expect(entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/a.xml", "xl/media/b.bin", "xl/new/part.xml"]);
    expect(entries.every((e) => e.method === 8)).toBe(true);
  });

  test("not a zip: one reason", () => {
    expect(() => readZip(Buffer.from("hello, not a zip at all, just text that is long enough"))).toThrow(
      "it is not a zip archive",
    );
  });
});
