/** The charter's sections other than the timeline: parties, goals, value, measurement, governance, exit, signatures. */
import { blank, text } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { COLORS, FORMATS, STYLES } from "../shared/theme";
import { CharterSheet, WIDTH } from "./charter-sheet";
import { BALANCE_QUESTION, CADENCE_LABELS } from "./defaults";

type SignatureCells = Record<"name" | "title" | "date" | "signature", string>;
export interface Signatures {
  us: SignatureCells;
  partner: SignatureCells;
}

export function writeHeading(s: CharterSheet): void {
  const { input } = s;
  s.spanned(text("Partnership charter"), { bold: true, fontSize: 16, fontColor: COLORS.heading });
  s.spanned(
    text(
      "Both sides sign at the end. Yellow cells are filled in as the phases run; the gates then show GO or NO-GO by themselves.",
    ),
    { ...STYLES.note, wrap: true },
  );
  s.pair(
    ["Our company", input.ourName ? text(input.ourName) : blank()],
    ["Partner", input.partnerName ? text(input.partnerName) : blank()],
  );
}

export function writeGoalsAndValue(s: CharterSheet): void {
  const { input } = s;
  s.section("1. Mutual goals: what success looks like");
  s.items(`For ${s.ours}`, input.goals.us);
  s.items(`For ${s.theirs}`, input.goals.partner);
  s.items("For customers", input.goals.customers);

  s.section("2. Value exchange");
  const value = input.valueExchange;
  s.items(input.ourName ? `${input.ourName} gives` : "We give", value.weGive);
  s.items(input.partnerName ? `${input.partnerName} gives` : "The partner gives", value.partnerGives);
  const balancedRow = s.pair(
    ["Balanced?", value.balanced === null ? blank() : text(value.balanced ? "Yes" : "No")],
    [BALANCE_QUESTION, blank()],
  );
  const balanced = cellAt(balancedRow, 1);
  s.b.input(balanced, { horizontal: "center" });
  s.b.validate(balanced, { kind: "list", items: ["Yes", "No"] }, "Answer Yes or No.");
  s.b.merge(rangeAt(balancedRow, 2, 1, 2));
  s.b.style(rangeAt(balancedRow, 2, 1, 2), { bold: false, italic: true, wrap: true });
  s.items("Note", value.note ? [value.note] : []);
}

export function writeMeasurementToExit(s: CharterSheet): void {
  const { input } = s;
  s.section("4. Measurement");
  const m = input.measurement;
  s.items("Metrics for success", m.metrics);
  s.items("How we track them", m.tracking);
  s.pair(
    ["Working team", text(CADENCE_LABELS[m.cadence.workingTeam])],
    ["Steering committee", text(CADENCE_LABELS[m.cadence.steering])],
  );
  s.pair(["Executive business review", text(CADENCE_LABELS[m.cadence.executive])]);

  s.section("5. Governance");
  const g = input.governance;
  s.items(input.ourName ? `Decision owners at ${input.ourName}` : "Our decision owners", g.ourOwners);
  s.items(input.partnerName ? `Decision owners at ${input.partnerName}` : "The partner's decision owners", g.partnerOwners);
  s.items("Escalation path", g.escalation);

  s.section("6. Exit criteria: what ends the partnership");
  s.items("We end it when", input.exitCriteria);
}

export function writeSignatures(s: CharterSheet): Signatures {
  const { signatories } = s.input;
  s.section("7. Signatures");
  const header = s.row([blank(), text(`For ${s.ours}`), blank(), text(`For ${s.theirs}`)]);
  s.b.style(rangeAt(header, 0, 1, WIDTH), { bold: true });
  const line = (label: string, us: string, partner: string): number => {
    const r = s.row([text(label), us ? text(us) : blank(), blank(), partner ? text(partner) : blank()]);
    s.b.style(cellAt(r, 0), { bold: true });
    for (const col of [1, 3]) s.b.style(cellAt(r, col), { borderBottom: true, vertical: "bottom" });
    return r;
  };
  const name = line("Name", signatories.us.name, signatories.partner.name);
  const title = line("Title", signatories.us.title, signatories.partner.title);
  const date = line("Date", "", "");
  s.row();
  const signature = line("Signature", "", "");
  const side = (col: number): SignatureCells => ({
    name: cellAt(name, col),
    title: cellAt(title, col),
    date: cellAt(date, col),
    signature: cellAt(signature, col),
  });
  for (const col of [1, 3]) s.b.format(cellAt(date, col), FORMATS.date);
  return { us: side(1), partner: side(3) };
}
