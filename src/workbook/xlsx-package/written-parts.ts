/**
 * The parts ExcelJS renders for a workbook, by part name, without its zip. `writeBuffer` zips
 * them with JSZip (a JavaScript CRC-32 over every byte, even stored) and finishPackage used to
 * unzip that archive again before zipping the final package once: at 10,000 partners that round
 * trip was 0.4 s of `pe-calc new`. ExcelJS renders each part through `zip.append(data, { name })`
 * in `XLSX.write`; the same steps are run here with a collector in place of its ZipWriter. When
 * an ExcelJS version lacks one of the steps, the parts are read back from `writeBuffer` instead.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";

/** A part's content: XML text, or bytes (a picture). */
export type PartContent = string | Uint8Array;

interface Collector {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: Collector, model: unknown) => Promise<void> | void;

/** The render steps of ExcelJS's XLSX.write (exceljs/lib/xlsx/xlsx.js), in its order. */
const STEPS = [
  "addContentTypes",
  "addOfficeRels",
  "addWorkbookRels",
  "addWorksheets",
  "addSharedStrings",
  "addDrawings",
  "addTables",
  "addThemes",
  "addStyles",
  "addMedia",
  "addApp",
  "addCore",
  "addWorkbook",
] as const;

type XlsxInternals = Record<(typeof STEPS)[number], Step> & { prepareModel: (model: unknown, options: object) => void };

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Every part of `workbook` as ExcelJS writes it, in its order. */
export async function writtenParts(workbook: ExcelJS.Workbook): Promise<Map<string, PartContent>> {
  const xlsx = workbook.xlsx as unknown as Partial<XlsxInternals>;
  if (typeof xlsx.prepareModel !== "function" || STEPS.some((step) => typeof xlsx[step] !== "function"))
    return partsOfArchive(
      await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>),
    );
  const parts = new Map<string, PartContent>();
  const collector: Collector = {
    append: (data, options) => parts.set(options.name, options.base64 && typeof data === "string" ? decodeBase64(data) : data),
  };
  const { model } = workbook as unknown as { model: object };
  const internals = xlsx as XlsxInternals;
  stylesByContent(model);
  internals.prepareModel(model, {});
  for (const step of STEPS) await internals[step].call(xlsx, collector, model);
  return parts;
}

interface StyleRegistry {
  addStyleModel(style: unknown, cellType?: number): number;
}

/**
 * ExcelJS gives every cell its own style object and remembers a style's id by that object (a
 * WeakMap), so each cell's style was rendered to XML again to find its id: 180 ms, a sixth of
 * writing a 10,000-partner matrix. The style registry prepareModel creates (`model.styles`) is
 * given a memo by content instead: the id depends only on the style's fields and the cell's type,
 * the same assumption ExcelJS's WeakMap makes per object. Styles JSON cannot tell apart (undefined
 * fields) render the same XML. Without that registry method the model is left as it is.
 */
function stylesByContent(model: object): void {
  let registry: StyleRegistry | undefined;
  Object.defineProperty(model, "styles", {
    configurable: true,
    enumerable: true,
    get: () => registry,
    set(value: StyleRegistry) {
      registry = value;
      if (typeof value?.addStyleModel !== "function") return;
      const addStyleModel = value.addStyleModel.bind(value);
      const ids = new Map<string, number>();
      value.addStyleModel = (style, cellType) => {
        if (!style) return addStyleModel(style, cellType);
        const key = `${cellType ?? ""}:${JSON.stringify(style)}`;
        let id = ids.get(key);
        if (id === undefined) {
          id = addStyleModel(style, cellType);
          ids.set(key, id);
        }
        return id;
      };
    },
  });
}

async function partsOfArchive(archive: ArrayBuffer | Uint8Array): Promise<Map<string, PartContent>> {
  const zip = await JSZip.loadAsync(archive);
  const parts = new Map<string, PartContent>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, await file.async("uint8array"));
  return parts;
}

/** A part's text (XML parts are UTF-8). */
export function partText(content: PartContent): string {
  return typeof content === "string" ? content : new TextDecoder().decode(content);
}
