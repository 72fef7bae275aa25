/**
 * The partnership charter as a WorkbookPlan: one printable sheet (portrait, one page wide, print
 * area set) walking the playbook's sections: parties, mutual goals, value exchange, crawl / walk /
 * run phases with their gates, measurement and review cadence, governance, exit criteria, and
 * signature lines for both sides.
 *
 * Everything the user typed lands in a `text` cell, whatever it starts with; formulas are only
 * the gates', built from our own templates over named cells:
 * - crawl: PE.CRAWL_GATE over the baseline and pilot cells (threshold and direction named too);
 * - walk: PE.WALK_GATE over the adopted and invited cells;
 * - run: GO only when both gates are GO, NO-GO when either is NO-GO.
 * A gate whose measurements are still blank shows PENDING rather than an error, so the charter can
 * be signed before the pilot and fill itself in as the numbers are typed.
 *
 * Layout: four columns, A and C labels, B and D values; a list item spans B:D, merged and wrapped.
 * The whole sheet is one block, so every applier writes it in one call.
 */
import { cellAddress, rangeAddress, rangeFrom } from "../../a1";
import { freeNameSuffix } from "../../defined-names";
import {
  blank,
  formula,
  num,
  PLAN_VERSION,
  text,
  type CellContent,
  type CellStylePlan,
  type ConditionalFormatPlan,
  type NamedItemPlan,
  type NumberFormatPlan,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "../../plan";
import { uniqueSheetName } from "../../sheet-names";
import {
  BALANCE_QUESTION,
  CADENCE_LABELS,
  CHARTER_INPUT_FILL,
  CHARTER_SECTION_FILL,
  GATE_FILLS,
  PHASE_GUIDANCE,
  type PhaseId,
} from "./defaults";
import { serializeCharterInput, validateCharterInput, type CharterInput, type CharterInputDraft } from "./input";
import { isoDateToSerial, type FieldIssue } from "../shared/model-input";
import { ModelInputError } from "../shared/model-input-error";

/** Document-settings key of the charter wizard's inputs; the JSON is serializeCharterInput's (the CLI's input format). */
export const CHARTER_SETTINGS_KEY = "PartnerEconomics.charter";

const NAME_PARTS = {
  crawlBaseline: "CrawlBaseline",
  crawlPilot: "CrawlPilot",
  crawlThreshold: "CrawlThreshold",
  crawlBetter: "CrawlBetter",
  crawlGate: "CrawlGate",
  walkInvited: "WalkInvited",
  walkAdopted: "WalkAdopted",
  walkThreshold: "WalkThreshold",
  walkGate: "WalkGate",
  runGate: "RunGate",
} as const;

export type CharterNameKey = keyof typeof NAME_PARTS;

export interface CharterLayout {
  sheet: string;
  names: Record<CharterNameKey, string>;
  /** A1 address (no sheet prefix) of each named cell, by the same keys. */
  cells: Record<CharterNameKey, string>;
  /** Measured improvement (crawl) and adoption (walk), as fractions once their cells are filled. */
  crawlImprovement: string;
  walkAdoption: string;
  /** 0-based row of each section's heading, in order. */
  sections: { title: string; row: number }[];
  /** Signature lines: the cells each side fills in by hand or types into. */
  signatures: {
    us: Record<"name" | "title" | "date" | "signature", string>;
    partner: Record<"name" | "title" | "date" | "signature", string>;
  };
  printArea: string;
}

export interface CharterPlanResult {
  plan: WorkbookPlan;
  layout: CharterLayout;
  input: CharterInput;
  warnings: FieldIssue[];
}

export class CharterInputError extends ModelInputError {
  constructor(errors: FieldIssue[]) {
    super("charter", errors);
    this.name = "CharterInputError";
  }
}

const WIDTH = 4;
const DATE_FORMAT = "yyyy-mm-dd";
const PENDING = "PENDING";

/**
 * Builds the plan. `existingSheetNames` and `existingNames` (defined and table names already in
 * the workbook) make the sheet and names unique: a second charter gets "Charter (2)" and Charter2_… names.
 */
export function buildCharterPlan(
  draft: CharterInputDraft,
  existingSheetNames: string[] = [],
  existingNames: string[] = [],
): CharterPlanResult {
  const checked = validateCharterInput(draft);
  if (!checked.ok) throw new CharterInputError(checked.errors);
  const input = checked.input;
  const sheetName = uniqueSheetName(input.sheetName, existingSheetNames);
  const prefix = `Charter${nameSuffix(existingNames)}_`;
  const names = Object.fromEntries(
    (Object.keys(NAME_PARTS) as CharterNameKey[]).map((key) => [key, `${prefix}${NAME_PARTS[key]}`]),
  ) as Record<CharterNameKey, string>;
  const { sheet, layout } = new CharterSheet(input, sheetName, names).build();
  const named: NamedItemPlan[] = (Object.keys(NAME_PARTS) as CharterNameKey[]).map((key) => ({
    name: names[key],
    sheet: sheetName,
    range: layout.cells[key],
  }));
  const plan: WorkbookPlan = {
    version: PLAN_VERSION,
    description: "partnership charter",
    sheets: [sheet],
    names: named,
    settings: [{ key: CHARTER_SETTINGS_KEY, json: serializeCharterInput(input) }],
  };
  return { plan, layout, input, warnings: checked.warnings };
}

/** "" when every Charter_… name is free, otherwise the first number n for which every Charter{n}_… name is. */
function nameSuffix(existingNames: string[]): string {
  return freeNameSuffix(existingNames, (suffix) => Object.values(NAME_PARTS).map((part) => `Charter${suffix}_${part}`));
}

/** Accumulates the sheet row by row: cells, merges, styles and formats side by side. */
class CharterSheet {
  private readonly rows: CellContent[][] = [];
  private readonly merges: string[] = [];
  private readonly styles: CellStylePlan[] = [];
  private readonly formats: NumberFormatPlan[] = [];
  private readonly validations: ValidationPlan[] = [];
  private readonly conditional: ConditionalFormatPlan[] = [];
  private readonly sections: { title: string; row: number }[] = [];
  private readonly cells: Partial<Record<CharterNameKey, string>> = {};
  private crawlImprovement = "";
  private walkAdoption = "";

  constructor(
    private readonly input: CharterInput,
    private readonly sheet: string,
    private readonly names: Record<CharterNameKey, string>,
  ) {}

  private get ours(): string {
    return this.input.ourName || "us";
  }

  private get theirs(): string {
    return this.input.partnerName || "the partner";
  }

  private address(row: number, col: number): string {
    return cellAddress({ row, col });
  }

  private span(row: number, col: number, cols: number): string {
    return rangeAddress(rangeFrom({ row, col }, 1, cols));
  }

  /** Adds a row of up to four cells (missing ones blank) and returns its 0-based index. */
  private row(cells: CellContent[] = []): number {
    this.rows.push(Array.from({ length: WIDTH }, (_, i) => cells[i] ?? blank()));
    return this.rows.length - 1;
  }

  private style(style: CellStylePlan): void {
    this.styles.push(style);
  }

  private section(title: string): void {
    this.row();
    const r = this.row([text(title)]);
    this.sections.push({ title, row: r });
    this.merges.push(this.span(r, 0, WIDTH));
    this.style({ range: this.span(r, 0, WIDTH), bold: true, fontSize: 12, fill: CHARTER_SECTION_FILL, borderBottom: true });
  }

  /** A label in A and one item per row across B:D; an empty list gets one blank line to write on. */
  private items(label: string, items: readonly string[]): void {
    const lines = items.length > 0 ? items : [""];
    lines.forEach((item, i) => {
      const r = this.row([i === 0 ? text(label) : blank(), item === "" ? blank() : text(item)]);
      const content = this.span(r, 1, WIDTH - 1);
      this.merges.push(content);
      this.style({ range: content, wrap: true, vertical: "top", ...(item === "" ? { borderBottom: true } : {}) });
      if (i === 0) this.style({ range: this.address(r, 0), bold: true, wrap: true, vertical: "top" });
    });
  }

  /** Label / value pairs in A:B and C:D. */
  private pair(left: [string, CellContent], right?: [string, CellContent]): number {
    const r = this.row([text(left[0]), left[1], ...(right ? [text(right[0]), right[1]] : [])]);
    this.style({ range: this.address(r, 0), bold: true, wrap: true, vertical: "top" });
    if (right) this.style({ range: this.address(r, 2), bold: true, wrap: true, vertical: "top" });
    return r;
  }

  private named(key: CharterNameKey, row: number, col: number, input: boolean): string {
    const address = this.address(row, col);
    this.cells[key] = address;
    if (input) this.style({ range: address, fill: CHARTER_INPUT_FILL, horizontal: "left" });
    return address;
  }

  private dateCell(value: string | null): CellContent {
    const serial = value ? isoDateToSerial(value) : null;
    return serial === null ? blank() : num(serial);
  }

  private gateCell(key: "crawlGate" | "walkGate" | "runGate", row: number, col: number): void {
    const address = this.named(key, row, col, false);
    this.style({ range: address, bold: true, horizontal: "center" });
    const colors = [
      ["GO", GATE_FILLS.go],
      ["NO-GO", GATE_FILLS.noGo],
      [PENDING, GATE_FILLS.pending],
    ] as const;
    for (const [value, fill] of colors)
      this.conditional.push({ range: address, rule: { kind: "equals", value }, format: { ...fill, bold: true } });
  }

  build(): { sheet: SheetPlan; layout: CharterLayout } {
    const { input } = this;
    const title = this.row([text("Partnership charter")]);
    this.merges.push(this.span(title, 0, WIDTH));
    this.style({ range: this.span(title, 0, WIDTH), bold: true, fontSize: 16, fontColor: "#1F4E79" });
    const intro = this.row([
      text(
        "Both sides sign at the end. Yellow cells are filled in as the phases run; the gates then show GO or NO-GO by themselves.",
      ),
    ]);
    this.merges.push(this.span(intro, 0, WIDTH));
    this.style({ range: this.span(intro, 0, WIDTH), italic: true, fontColor: "#595959", wrap: true });
    this.pair(
      ["Our company", input.ourName ? text(input.ourName) : blank()],
      ["Partner", input.partnerName ? text(input.partnerName) : blank()],
    );

    this.section("1. Mutual goals: what success looks like");
    this.items(`For ${this.ours}`, input.goals.us);
    this.items(`For ${this.theirs}`, input.goals.partner);
    this.items("For customers", input.goals.customers);

    this.section("2. Value exchange");
    const value = input.valueExchange;
    this.items(input.ourName ? `${input.ourName} gives` : "We give", value.weGive);
    this.items(input.partnerName ? `${input.partnerName} gives` : "The partner gives", value.partnerGives);
    const balancedRow = this.pair(
      ["Balanced?", value.balanced === null ? blank() : text(value.balanced ? "Yes" : "No")],
      [BALANCE_QUESTION, blank()],
    );
    const balanced = this.address(balancedRow, 1);
    this.style({ range: balanced, fill: CHARTER_INPUT_FILL, horizontal: "center" });
    this.validations.push({ range: balanced, rule: { kind: "list", items: ["Yes", "No"] }, error: "Answer Yes or No." });
    this.merges.push(this.span(balancedRow, 2, 2));
    this.style({ range: this.span(balancedRow, 2, 2), bold: false, italic: true, wrap: true });
    this.items("Note", value.note ? [value.note] : []);

    this.section("3. Timeline: crawl, walk, run");
    this.phase("crawl");
    this.crawlGate();
    this.phase("walk");
    this.walkGate();
    this.phase("run");
    this.runGate();

    this.section("4. Measurement");
    const m = input.measurement;
    this.items("Metrics for success", m.metrics);
    this.items("How we track them", m.tracking);
    this.pair(
      ["Working team", text(CADENCE_LABELS[m.cadence.workingTeam])],
      ["Steering committee", text(CADENCE_LABELS[m.cadence.steering])],
    );
    this.pair(["Executive business review", text(CADENCE_LABELS[m.cadence.executive])]);

    this.section("5. Governance");
    const g = input.governance;
    this.items(input.ourName ? `Decision owners at ${input.ourName}` : "Our decision owners", g.ourOwners);
    this.items(input.partnerName ? `Decision owners at ${input.partnerName}` : "The partner's decision owners", g.partnerOwners);
    this.items("Escalation path", g.escalation);

    this.section("6. Exit criteria: what ends the partnership");
    this.items("We end it when", input.exitCriteria);

    const signatures = this.signatureBlock();

    const lastRow = this.rows.length - 1;
    const printArea = rangeAddress(rangeFrom({ row: 0, col: 0 }, lastRow + 1, WIDTH));
    const sheet: SheetPlan = {
      name: this.sheet,
      target: "new",
      activate: true,
      blocks: [{ at: "A1", cells: this.rows }],
      merges: this.merges,
      cellStyles: this.styles,
      numberFormats: this.formats,
      validations: this.validations,
      conditionalFormats: this.conditional,
      columnWidths: [
        { column: "A", width: 24 },
        { column: "B", width: 30 },
        { column: "C", width: 22 },
        { column: "D", width: 30 },
      ],
      print: { area: printArea, orientation: "portrait", fitToWidth: true },
    };
    const layout: CharterLayout = {
      sheet: this.sheet,
      names: this.names,
      cells: this.cells as Record<CharterNameKey, string>,
      crawlImprovement: this.crawlImprovement,
      walkAdoption: this.walkAdoption,
      sections: this.sections,
      signatures,
      printArea,
    };
    return { sheet, layout };
  }

  private phase(id: PhaseId): void {
    const phase = this.input.phases[id];
    const heading = this.row([text(capitalize(id)), text(PHASE_GUIDANCE[id])]);
    this.merges.push(this.span(heading, 1, WIDTH - 1));
    this.style({ range: this.address(heading, 0), bold: true, fontSize: 12, fontColor: "#1F4E79", vertical: "top" });
    this.style({ range: this.span(heading, 1, WIDTH - 1), italic: true, fontColor: "#595959", wrap: true, vertical: "top" });
    const dates = this.pair(["Start", this.dateCell(phase.start)], ["End", this.dateCell(phase.end)]);
    for (const col of [1, 3]) {
      const address = this.address(dates, col);
      this.formats.push({ range: address, format: DATE_FORMAT });
      this.style({
        range: address,
        horizontal: "left",
        ...(this.rows[dates][col].kind === "blank" ? { borderBottom: true } : {}),
      });
    }
    this.items("Deliverables", phase.deliverables);
    this.items("Metrics", phase.metrics);
  }

  private crawlGate(): void {
    const gate = this.input.phases.crawl.gate;
    this.items("Gate metric", gate.metric ? [gate.metric] : []);
    const measured = this.pair(
      ["Baseline (before the pilot)", gate.baseline === null ? blank() : num(gate.baseline)],
      ["Pilot result", gate.pilot === null ? blank() : num(gate.pilot)],
    );
    this.named("crawlBaseline", measured, 1, true);
    this.named("crawlPilot", measured, 3, true);
    const rule = this.pair(["Improvement needed", num(gate.threshold)], ["Better when the metric is", text(gate.better)]);
    const threshold = this.named("crawlThreshold", rule, 1, true);
    const better = this.named("crawlBetter", rule, 3, true);
    this.formats.push({ range: threshold, format: "0%" });
    this.validations.push(
      { range: threshold, rule: { kind: "decimal", min: 0, max: 1 }, error: "A percentage from 0% to 100%." },
      {
        range: better,
        rule: { kind: "list", items: ["higher", "lower"] },
        error: "higher (more is better) or lower (less is better).",
      },
    );
    const { crawlBaseline: b, crawlPilot: p, crawlThreshold: t, crawlBetter: d } = this.names;
    const pending = `OR(ISBLANK(${b}),ISBLANK(${p}))`;
    const result = this.pair(
      ["Measured improvement", formula(`=IF(${pending},"",IF(${d}="lower",${b}-${p},${p}-${b})/ABS(${b}))`)],
      ["Crawl go / no-go", formula(`=IF(${pending},"${PENDING}",PE.CRAWL_GATE(${b},${p},${t},${d}))`)],
    );
    this.crawlImprovement = this.address(result, 1);
    this.formats.push({ range: this.crawlImprovement, format: "0.0%" });
    this.gateCell("crawlGate", result, 3);
  }

  private walkGate(): void {
    const gate = this.input.phases.walk.gate;
    const counts = this.pair(
      ["Customers invited", gate.invited === null ? blank() : num(gate.invited)],
      ["Customers adopted", gate.adopted === null ? blank() : num(gate.adopted)],
    );
    const invited = this.named("walkInvited", counts, 1, true);
    const adopted = this.named("walkAdopted", counts, 3, true);
    for (const address of [invited, adopted]) {
      this.validations.push({
        range: address,
        rule: { kind: "wholeNumber", min: 0, max: 1_000_000_000 },
        error: "A number of customers: a whole number, 0 or more.",
      });
    }
    const { walkInvited: i, walkAdopted: a, walkThreshold: t } = this.names;
    const pending = `OR(ISBLANK(${i}),ISBLANK(${a}))`;
    const rule = this.pair(
      ["Adoption needed", num(gate.threshold)],
      ["Measured adoption", formula(`=IF(${pending},"",${a}/${i})`)],
    );
    const threshold = this.named("walkThreshold", rule, 1, true);
    this.walkAdoption = this.address(rule, 3);
    this.formats.push({ range: threshold, format: "0%" }, { range: this.walkAdoption, format: "0.0%" });
    this.validations.push({
      range: threshold,
      rule: { kind: "decimal", min: 0, max: 1 },
      error: "A percentage from 0% to 100%.",
    });
    const result = this.pair(["Walk go / no-go", formula(`=IF(${pending},"${PENDING}",PE.WALK_GATE(${a},${i},${t}))`)]);
    this.gateCell("walkGate", result, 1);
  }

  private runGate(): void {
    const { crawlGate: c, walkGate: w } = this.names;
    const r = this.pair(
      ["Enter run?", formula(`=IF(AND(${c}="GO",${w}="GO"),"GO",IF(OR(${c}="NO-GO",${w}="NO-GO"),"NO-GO","${PENDING}"))`)],
      ["Only if both gates passed", text("Both sides also commit to the next phase, and the ROI model holds at scale.")],
    );
    this.gateCell("runGate", r, 1);
    this.style({ range: this.address(r, 3), italic: true, wrap: true, vertical: "top" });
  }

  private signatureBlock(): CharterLayout["signatures"] {
    const { signatories } = this.input;
    this.section("7. Signatures");
    const header = this.row([blank(), text(`For ${this.ours}`), blank(), text(`For ${this.theirs}`)]);
    this.style({ range: this.span(header, 0, WIDTH), bold: true });
    const line = (label: string, us: string, partner: string): number => {
      const r = this.row([text(label), us ? text(us) : blank(), blank(), partner ? text(partner) : blank()]);
      this.style({ range: this.address(r, 0), bold: true });
      for (const col of [1, 3]) this.style({ range: this.address(r, col), borderBottom: true, vertical: "bottom" });
      return r;
    };
    const name = line("Name", signatories.us.name, signatories.partner.name);
    const title = line("Title", signatories.us.title, signatories.partner.title);
    const date = line("Date", "", "");
    this.row();
    const signature = line("Signature", "", "");
    const side = (col: number) => ({
      name: this.address(name, col),
      title: this.address(title, col),
      date: this.address(date, col),
      signature: this.address(signature, col),
    });
    for (const col of [1, 3]) this.formats.push({ range: this.address(date, col), format: DATE_FORMAT });
    return { us: side(1), partner: side(3) };
  }
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
