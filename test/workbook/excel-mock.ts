/* eslint-disable @typescript-eslint/no-explicit-any -- a test double of Office.js' loosely typed proxy objects */
/**
 * A small Excel for the Office applier's tests, built on office-addin-mock: the request context,
 * the objects whose properties are read back (ranges, settings, null-object probes) are
 * OfficeMockObjects, so reading a property before `load` + `sync` gives the mock's "not loaded"
 * marker as in Office.js. Write-only objects (formats, validation, …) are recorders that log every
 * property set and method call in order.
 *
 * Commands change the model as they are queued (their order is what Office.js would execute).
 * A failure can be injected on any logged call: `mode: "call"` throws at once, `mode: "sync"`
 * makes the next sync reject (Office.js reports a failed command there) and skips the commands
 * queued after it, as Excel aborts the rest of a batch.
 *
 * Cell entry follows Excel's parser: a leading apostrophe makes the rest literal text; "=", "+",
 * "-", "@" start a formula; numeric text becomes a number; TRUE/FALSE become booleans; "#N/A"
 * and the other error constants become errors. `formulas`, `formulasR1C1`, `values` and
 * `numberFormat` take one value for the whole range or a 2-D array of exactly the range's size.
 * Reading gives `values`, `valueTypes`, `formulas` and `numberFormat` as Excel does, including
 * its loss: `formulas` of a quote-prefixed text is the text without the apostrophe (office-js
 * issue 6687). A formula cell reads back the `value` a test gave it (0 by default): the mock does
 * not calculate.
 *
 * Request size: every queued call is serialised (its label and the value it sends) and
 * `syncPayloads[i]` is the byte count sync i+1 would send, the figure Excel on the web holds to
 * 5 MB per request.
 */
import { OfficeMockObject } from "office-addin-mock";
import { parseRange, rangeAddress, rangeColumns, rangeRows } from "../../src/workbook/a1";
import type { ExcelRun } from "../../src/workbook/appliers/office";
import { r1c1ToA1 } from "../../src/workbook/appliers/office-r1c1";

export type EnteredCell =
  | { kind: "text"; value: string; quotePrefix: boolean }
  | { kind: "formula"; formula: string; value?: string | number | boolean }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string };

/** Cell formats by Office.js path ("font.bold", "fill.color", "borders.bottom.style", …). */
export type CellFormat = Record<string, unknown>;

export interface FakeSheet {
  name: string;
  cells: Map<string, EnteredCell>;
  numberFormats: Map<string, string>;
  formats: Map<string, CellFormat>;
}

const ERROR_CONSTANTS = new Set(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]);

export interface Failure {
  /** Fails the first logged call whose text starts with this. */
  callStartsWith: string;
  mode: "call" | "sync";
  message?: string;
}

/** Excel's reading of an entry typed (or written through range.values/formulas) into a cell. */
export function enterCell(input: unknown): EnteredCell | null {
  if (input === "" || input === null || input === undefined) return null;
  if (typeof input === "number") return { kind: "number", value: input };
  if (typeof input === "boolean") return { kind: "boolean", value: input };
  const s = String(input);
  if (s.startsWith("'")) return { kind: "text", value: s.slice(1), quotePrefix: true };
  if (/^[=+\-@]/.test(s) && s.length > 1 && !/^[+-]?\d+(\.\d+)?$/.test(s))
    return { kind: "formula", formula: s.startsWith("=") ? s : `=${s}` };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(s.trim()))
    return { kind: "number", value: parseFloat(s) / (s.trim().endsWith("%") ? 100 : 1) };
  if (/^(true|false)$/i.test(s.trim())) return { kind: "boolean", value: s.trim().toUpperCase() === "TRUE" };
  if (ERROR_CONSTANTS.has(s.trim().toUpperCase())) return { kind: "error", value: s.trim().toUpperCase() };
  return { kind: "text", value: s, quotePrefix: false };
}

function cellKeys(address: string): { key: string; r: number; c: number }[] {
  const range = parseRange(address);
  const keys = [];
  for (let r = range.start.row; r <= range.end.row; r++) {
    for (let c = range.start.col; c <= range.end.col; c++)
      keys.push({
        key: rangeAddress({ start: { row: r, col: c }, end: { row: r, col: c } }),
        r: r - range.start.row,
        c: c - range.start.col,
      });
  }
  return keys;
}

export class FakeExcel {
  sheets: FakeSheet[];
  names: { name: string; ref: string; comment?: string }[] = [];
  tables: { name: string; sheet: string; address: string; style?: string }[] = [];
  charts: { sheet: string; type: string; source: string; title?: string }[] = [];
  settings = new Map<string, unknown>();
  activeSheet?: string;
  /** Print areas as the applier set them, by sheet. */
  printAreas = new Map<string, string>();
  /** Every command and sync, in order: "worksheets.add(Qualification)", "sync", … */
  calls: string[] = [];
  syncCount = 0;
  /** Bytes each sync sent, in order (see the header). */
  syncPayloads: number[] = [];
  private queuedBytes = 0;
  failure?: Failure;
  private pendingError?: Error;
  private aborted = false;
  private readonly loaded: OfficeMockObject[] = [];
  private readonly afterSync: (() => void)[] = [];
  readonly context: any;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    this.sheets = sheetNames.map((name) => ({ name, cells: new Map(), numberFormats: new Map(), formats: new Map() }));
    this.context = this.buildContext();
  }

  readonly run: ExcelRun = async (batch) => batch(this.context);

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toUpperCase() === name.toUpperCase());
  }

  /** Counts what a queued call would send: its label and its argument or value. */
  private queue(label: string, payload?: unknown): void {
    this.calls.push(label);
    this.queuedBytes += Buffer.byteLength(JSON.stringify([label, payload ?? null]), "utf8");
  }

  /** Logs a command and runs it unless a failure is injected or the batch was aborted. */
  private command<T>(label: string, effect: () => T, payload?: unknown): T | undefined {
    this.queue(label, payload);
    if (this.failure && label.startsWith(this.failure.callStartsWith)) {
      const { mode, message } = this.failure;
      this.failure = undefined;
      const error = new Error(message ?? `InvalidArgument: ${label} failed`);
      if (mode === "call") throw error;
      this.pendingError = error;
      this.aborted = true;
      return undefined;
    }
    if (this.aborted) return undefined;
    return effect();
  }

  failOn(failure: Failure): void {
    this.failure = failure;
  }

  private async sync(): Promise<void> {
    this.syncCount++;
    this.calls.push("sync");
    this.syncPayloads.push(this.queuedBytes);
    this.queuedBytes = 0;
    const error = this.pendingError;
    this.pendingError = undefined;
    this.aborted = false;
    for (const apply of this.afterSync.splice(0)) apply();
    for (const mock of this.loaded.splice(0)) await mock.sync();
    if (error) throw error;
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.loaded.push(mock);
    return mock;
  }

  private buildContext(): any {
    const collection = (label: string, items: () => { name: string }[], methods: Record<string, unknown>) => {
      const target: any = {
        ...methods,
        load: (what: string) => {
          if (what !== "items/name") throw new Error(`${label}.load("${what}") is not what the mock expects`);
          this.queue(`${label}.load(${what})`);
          const snapshot = items().map((i) => ({ name: i.name }));
          target.items = undefined;
          this.afterSync.push(() => (target.items = snapshot));
          return target;
        },
      };
      return target;
    };
    const worksheets = collection("worksheets", () => this.sheets, {
      add: (name: string) =>
        this.command(`worksheets.add(${name})`, () => {
          if (this.sheet(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
          this.sheets.push({ name, cells: new Map(), numberFormats: new Map(), formats: new Map() });
        }) ?? undefined,
      getItem: (name: string) => this.worksheetObject(name),
      getItemOrNullObject: (name: string) =>
        this.track(
          new OfficeMockObject({
            isNullObject: !this.sheet(name),
            delete: () => this.command(`worksheets.delete(${name})`, () => this.deleteSheet(name)),
          }),
        ),
    });
    // worksheets.add must return the sheet object even though `command` returns the effect's value.
    const add = worksheets.add;
    worksheets.add = (name: string) => {
      add(name);
      return this.worksheetObject(name);
    };
    const names = collection("names", () => this.names, {
      add: (name: string, reference: any, comment?: string) =>
        this.command(`names.add(${name})`, () =>
          this.names.push({ name, ref: String(reference?.__address ?? reference), comment }),
        ),
      getItemOrNullObject: (name: string) =>
        this.track(
          new OfficeMockObject({
            isNullObject: !this.names.some((n) => n.name.toUpperCase() === name.toUpperCase()),
            delete: () =>
              this.command(
                `names.delete(${name})`,
                () => (this.names = this.names.filter((n) => n.name.toUpperCase() !== name.toUpperCase())),
              ),
          }),
        ),
    });
    const tables = collection("tables", () => this.tables, {});
    const settings: any = {
      add: (key: string, value: unknown) => this.command(`settings.add(${key})`, () => this.settings.set(key, value), value),
      // The pane's one-read write loads every setting with the names (a plan built from them has no key yet).
      load: (what: string) => {
        if (what !== "items/key,value") throw new Error(`settings.load("${what}") is not what the mock expects`);
        this.queue(`settings.load(${what})`);
        const snapshot = [...this.settings].map(([key, value]) => ({ key, value }));
        settings.items = undefined;
        this.afterSync.push(() => (settings.items = snapshot));
        return settings;
      },
      getItemOrNullObject: (key: string) =>
        this.track(
          new OfficeMockObject({
            isNullObject: !this.settings.has(key),
            value: this.settings.get(key),
            delete: () => this.command(`settings.delete(${key})`, () => this.settings.delete(key)),
          }),
        ),
    };
    const context = new OfficeMockObject({ workbook: {}, sync: () => this.sync() }) as any;
    // Collections carry functions and live `items`; keep them as plain objects on the mock workbook.
    context.workbook.worksheets = worksheets;
    context.workbook.names = names;
    context.workbook.tables = tables;
    context.workbook.settings = settings;
    return context;
  }

  /** Deleting a worksheet deletes the tables on it, as in Excel. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (sheet) this.tables = this.tables.filter((t) => t.sheet !== sheet.name);
  }

  /** A worksheet proxy; its name is resolved when a command runs (the sheet may be added in the same batch). */
  worksheetObject(name: string): any {
    const sheetName = () => this.sheet(name)?.name ?? name;
    return {
      getRange: (address: string) => this.rangeObject(name, address),
      activate: () => this.command(`${sheetName()}.activate()`, () => (this.activeSheet = sheetName())),
      tables: {
        add: (range: any, hasHeaders: boolean) => {
          const t: any = recorder(`${name}.table`, (entry, value) =>
            this.command(entry, () =>
              entry.endsWith(".name")
                ? (record.name = String(value))
                : entry.endsWith(".style")
                  ? (record.style = String(value))
                  : undefined,
            ),
          );
          const record = {
            name: "Table",
            sheet: name,
            address: range.__address as string,
            style: undefined as string | undefined,
          };
          this.command(`tables.add(${name}!${range.__address},${hasHeaders})`, () => this.tables.push(record));
          return t;
        },
      },
      charts: {
        add: (type: string, source: any) => {
          const entry = { sheet: name, type, source: source.__address as string, title: undefined as string | undefined };
          this.command(`charts.add(${type},${name}!${source.__address})`, () => this.charts.push(entry));
          return recorder(
            `${name}.chart`,
            (label, value) =>
              this.command(label, () => (label.endsWith("title.text") ? (entry.title = String(value)) : undefined)),
            {
              setPosition: (from: string, to: string) =>
                this.command(`${name}.chart.setPosition(${from},${to})`, () => undefined),
            },
          );
        },
      },
      freezePanes: recorder(`${name}.freezePanes`, (label) => this.command(label, () => undefined), {
        freezeAt: (range: any) => this.command(`${name}.freezePanes.freezeAt(${range.__address})`, () => undefined),
        freezeRows: (n: number) => this.command(`${name}.freezePanes.freezeRows(${n})`, () => undefined),
        freezeColumns: (n: number) => this.command(`${name}.freezePanes.freezeColumns(${n})`, () => undefined),
      }),
      pageLayout: recorder(`${name}.pageLayout`, (label, value) => this.command(label, () => undefined, value), {
        setPrintArea: (area: string) =>
          this.command(`${name}.pageLayout.setPrintArea(${area})`, () => this.printAreas.set(sheetName(), area)),
        setPrintTitleRows: (rows: string) => this.command(`${name}.pageLayout.setPrintTitleRows(${rows})`, () => undefined),
      }),
      delete: () => this.command(`worksheets.delete(${name})`, () => this.deleteSheet(name)),
    };
  }

  private rangeObject(sheetName: string, address: string): any {
    const label = `${sheetName}!${address}`;
    // Column ranges ("B:B", for widths) are never read or filled, so parse only when cells are.
    const area = () => parseRange(address);
    let readBack: OfficeMockObject | undefined;
    const sheetOrFail = () => {
      const sheet = this.sheet(sheetName);
      if (!sheet) throw new Error(`ItemNotFound: sheet ${sheetName}`);
      return sheet;
    };
    /** One value for every cell, or a 2-D array that must be exactly the range's size, as Office.js checks. */
    const perCell = (property: string, value: unknown): ((r: number, c: number) => unknown) => {
      if (!Array.isArray(value)) return () => value;
      const rows = rangeRows(area());
      const cols = rangeColumns(area());
      if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))
        throw new Error(`InvalidArgument: ${property} of ${label} needs a ${rows}×${cols} array`);
      return (r, c) => (value as unknown[][])[r][c];
    };
    const enter = (property: "formulas" | "values" | "formulasR1C1", value: unknown) =>
      this.command(
        `${label}.${property}`,
        () => {
          const sheet = sheetOrFail();
          const at = perCell(property, value);
          for (const { key, r, c } of cellKeys(address)) {
            let input = at(r, c);
            if (property === "formulasR1C1" && typeof input === "string" && input.startsWith("=")) {
              input = r1c1ToA1(input, { row: area().start.row + r, col: area().start.col + c });
              if (input === undefined) throw new Error(`InvalidArgument: ${String(at(r, c))} is not a formula for ${key}`);
            }
            const cell = enterCell(input);
            if (cell) sheet.cells.set(key, cell);
            else sheet.cells.delete(key);
          }
        },
        value,
      );
    const setNumberFormat = (value: unknown) =>
      this.command(
        `${label}.numberFormat`,
        () => {
          const sheet = sheetOrFail();
          const at = perCell("numberFormat", value);
          for (const { key, r, c } of cellKeys(address)) {
            const format = String(at(r, c));
            if (format === "General")
              sheet.numberFormats.delete(key); // Excel's default, as a cell never formatted reads
            else sheet.numberFormats.set(key, format);
          }
        },
        value,
      );
    const setFormat = (path: string, value: unknown) => {
      if (/^[A-Z]+:[A-Z]+$/i.test(address)) return; // column widths: not a per-cell format
      const sheet = this.sheet(sheetName);
      for (const { key } of cellKeys(address)) sheet?.formats.set(key, { ...sheet.formats.get(key), [path]: value });
    };
    const read = (what: string) => {
      const sheet = this.sheet(sheetName);
      const grid = (pick: (cell: EnteredCell | undefined, key: string) => unknown) =>
        cellKeys(address).reduce<unknown[][]>((rows, { key, r, c }) => {
          (rows[r] ??= [])[c] = pick(sheet?.cells.get(key), key);
          return rows;
        }, []);
      readBack = this.track(
        new OfficeMockObject({
          values: grid((cell) => (!cell ? "" : cell.kind === "formula" ? (cell.value ?? 0) : cell.value)),
          valueTypes: grid((cell) => valueTypeOf(cell)),
          formulas: grid((cell) => (!cell ? "" : cell.kind === "formula" ? cell.formula : cell.value)),
          numberFormat: grid((_cell, key) => sheet?.numberFormats.get(key) ?? "General"),
        }),
      );
      readBack.load(what);
    };
    const methods = {
      __address: address,
      load: (what: string) => {
        this.queue(`${label}.load(${what})`);
        read(what);
        return proxy;
      },
      merge: () => this.command(`${label}.merge()`, () => undefined),
      getCellProperties: (spec: any) => {
        this.queue(`${label}.getCellProperties`, spec);
        const result: { value?: unknown[][] } = {};
        const sheet = this.sheet(sheetName);
        const snapshot = cellKeys(address).reduce<unknown[][]>((rows, { key, r, c }) => {
          (rows[r] ??= [])[c] = { format: nestedFormat(spec.format ?? {}, sheet?.formats.get(key) ?? {}) };
          return rows;
        }, []);
        this.afterSync.push(() => (result.value = snapshot));
        return result;
      },
      setCellProperties: (grid: any[][]) =>
        this.command(
          `${label}.setCellProperties`,
          () => {
            const sheet = sheetOrFail();
            const at = perCell("setCellProperties", grid);
            for (const { key, r, c } of cellKeys(address))
              sheet.formats.set(key, flatFormat((at(r, c) as { format?: object }).format ?? {}));
          },
          grid,
        ),
    };
    const base = recorder(
      label,
      (entry, value) => {
        const formatPath = entry.startsWith(`${label}.format.`) ? entry.slice(label.length + ".format.".length) : undefined;
        this.command(entry, () => (formatPath ? setFormat(formatPath, value) : undefined), value);
      },
      methods,
    );
    const proxy: any = new Proxy(base, {
      get(target, prop) {
        if (prop === "formulas" || prop === "values" || prop === "valueTypes" || prop === "numberFormat")
          return readBack ? (readBack as any)[prop] : undefined;
        return target[prop as string];
      },
      set(target, prop, value) {
        if (prop === "formulas" || prop === "values" || prop === "formulasR1C1") enter(prop, value);
        else if (prop === "numberFormat") setNumberFormat(value);
        else target[prop as string] = value;
        return true;
      },
    });
    return proxy;
  }
}

function valueTypeOf(cell: EnteredCell | undefined): string {
  if (!cell) return "Empty";
  if (cell.kind === "formula") {
    const value = cell.value ?? 0;
    return typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
  }
  return { text: "String", number: "Double", boolean: "Boolean", error: "Error" }[cell.kind];
}

/** The recorder's flat paths ("font.bold", "borders.getItem(EdgeBottom).style") as getCellProperties' nesting. */
function nestedFormat(spec: Record<string, unknown>, flat: CellFormat, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, wanted] of Object.entries(spec)) {
    const path = `${prefix}${key}`;
    if (key === "borders") {
      out.borders = Object.fromEntries(
        (["top", "bottom"] as const).map((edge) => [
          edge,
          nestedFormat(wanted as Record<string, unknown>, flat, `borders.getItem(Edge${edge[0].toUpperCase()}${edge.slice(1)}).`),
        ]),
      );
    } else if (typeof wanted === "object" && wanted) out[key] = nestedFormat(wanted as Record<string, unknown>, flat, `${path}.`);
    else out[key] = flat[path] ?? null;
  }
  return out;
}

function flatFormat(nested: object, prefix = ""): CellFormat {
  const out: CellFormat = {};
  for (const [key, value] of Object.entries(nested)) {
    const path = prefix === "borders." ? `borders.getItem(Edge${key[0].toUpperCase()}${key.slice(1)}).` : `${prefix}${key}`;
    if (value && typeof value === "object") Object.assign(out, flatFormat(value, prefix === "borders." ? path : `${path}.`));
    else if (value !== null && value !== undefined) out[path.replace(/\.$/, "")] = value;
  }
  return out;
}

/**
 * A write-only Office object: property sets are reported as "path.prop" with the value, reading
 * a property gives a nested recorder, and `methods` (plus add/getItem returning recorders) are callable.
 */
export function recorder(
  path: string,
  report: (entry: string, value: unknown) => void,
  methods: Record<string, unknown> = {},
): any {
  const children = new Map<string, any>();
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string") return undefined;
        if (prop in methods) return methods[prop];
        if (prop === "add" || prop === "getItem") {
          return (...args: unknown[]) => {
            const child = recorder(`${path}.${prop}(${args.map(String).join(",")})`, report);
            report(`${path}.${prop}(${args.map(String).join(",")})`, undefined);
            return child;
          };
        }
        if (prop === "then") return undefined;
        if (!children.has(prop)) children.set(prop, recorder(`${path}.${prop}`, report));
        return children.get(prop);
      },
      set(_target, prop, value) {
        report(`${path}.${String(prop)}`, value);
        return true;
      },
    },
  );
}
