/**
 * The timeline section: each phase (guidance, dates, deliverables, metrics) and its gate. The
 * gates' formulas are our own templates over named cells; a gate whose measurements are still
 * blank shows PENDING rather than an error, so the charter can be signed before the pilot.
 */
import { blank, formula, num, text } from "../../plan";
import { cellAt, rangeAt } from "../shared/sheet-builder";
import { COLORS, FORMATS, STATUS, STYLES } from "../shared/theme";
import { CharterSheet, WIDTH } from "./charter-sheet";
import { PHASE_GUIDANCE, type PhaseId } from "./defaults";

const PENDING = "PENDING";
const GATE_COLORS = [
  ["GO", STATUS.good],
  ["NO-GO", STATUS.bad],
  [PENDING, STATUS.neutral],
] as const;

const percentRule = { kind: "decimal", min: 0, max: 1 } as const;

/** Where the measured improvement (crawl) and adoption (walk) are computed. */
export interface GateCells {
  crawlImprovement: string;
  walkAdoption: string;
}

export function writeTimeline(s: CharterSheet): GateCells {
  s.section("3. Timeline: crawl, walk, run");
  writePhase(s, "crawl");
  const crawlImprovement = writeCrawlGate(s);
  writePhase(s, "walk");
  const walkAdoption = writeWalkGate(s);
  writePhase(s, "run");
  writeRunGate(s);
  return { crawlImprovement, walkAdoption };
}

function gateCell(s: CharterSheet, key: "crawlGate" | "walkGate" | "runGate", row: number, col: number): void {
  const address = s.named(key, row, col, false);
  s.b.style(address, { bold: true, horizontal: "center" });
  for (const [value, fill] of GATE_COLORS)
    s.b.conditionalFormat({ range: address, rule: { kind: "equals", value }, format: { ...fill, bold: true } });
}

function writePhase(s: CharterSheet, id: PhaseId): void {
  const phase = s.input.phases[id];
  const heading = s.row([text(id.charAt(0).toUpperCase() + id.slice(1)), text(PHASE_GUIDANCE[id])]);
  s.b.merge(rangeAt(heading, 1, 1, WIDTH - 1));
  s.b.style(cellAt(heading, 0), { bold: true, fontSize: 12, fontColor: COLORS.heading, vertical: "top" });
  s.b.style(rangeAt(heading, 1, 1, WIDTH - 1), { ...STYLES.note, wrap: true, vertical: "top" });
  const start = s.dateCell(phase.start);
  const end = s.dateCell(phase.end);
  const dates = s.pair(["Start", start], ["End", end]);
  for (const [col, value] of [
    [1, start],
    [3, end],
  ] as const) {
    const address = cellAt(dates, col);
    s.b.format(address, FORMATS.date);
    s.b.style(address, { horizontal: "left", ...(value.kind === "blank" ? { borderBottom: true } : {}) });
  }
  s.items("Deliverables", phase.deliverables);
  s.items("Metrics", phase.metrics);
}

function writeCrawlGate(s: CharterSheet): string {
  const gate = s.input.phases.crawl.gate;
  s.items("Gate metric", gate.metric ? [gate.metric] : []);
  const measured = s.pair(
    ["Baseline (before the pilot)", gate.baseline === null ? blank() : num(gate.baseline)],
    ["Pilot result", gate.pilot === null ? blank() : num(gate.pilot)],
  );
  s.named("crawlBaseline", measured, 1, true);
  s.named("crawlPilot", measured, 3, true);
  const rule = s.pair(["Improvement needed", num(gate.threshold)], ["Better when the metric is", text(gate.better)]);
  const threshold = s.named("crawlThreshold", rule, 1, true);
  const better = s.named("crawlBetter", rule, 3, true);
  s.b.format(threshold, FORMATS.wholePercent);
  s.b.validate(threshold, percentRule, "A percentage from 0% to 100%.");
  s.b.validate(better, { kind: "list", items: ["higher", "lower"] }, "higher (more is better) or lower (less is better).");
  const { crawlBaseline: b, crawlPilot: p, crawlThreshold: t, crawlBetter: d } = s.names;
  const pending = `OR(ISBLANK(${b}),ISBLANK(${p}))`;
  const result = s.pair(
    ["Measured improvement", formula(`=IF(${pending},"",IF(${d}="lower",${b}-${p},${p}-${b})/ABS(${b}))`)],
    ["Crawl go / no-go", formula(`=IF(${pending},"${PENDING}",PE.CRAWL_GATE(${b},${p},${t},${d}))`)],
  );
  const improvement = cellAt(result, 1);
  s.b.format(improvement, FORMATS.rate);
  gateCell(s, "crawlGate", result, 3);
  return improvement;
}

function writeWalkGate(s: CharterSheet): string {
  const gate = s.input.phases.walk.gate;
  const counts = s.pair(
    ["Customers invited", gate.invited === null ? blank() : num(gate.invited)],
    ["Customers adopted", gate.adopted === null ? blank() : num(gate.adopted)],
  );
  const invited = s.named("walkInvited", counts, 1, true);
  const adopted = s.named("walkAdopted", counts, 3, true);
  for (const address of [invited, adopted])
    s.b.validate(
      address,
      { kind: "wholeNumber", min: 0, max: 1_000_000_000 },
      "A number of customers: a whole number, 0 or more.",
    );
  const { walkInvited: i, walkAdopted: a, walkThreshold: t } = s.names;
  const pending = `OR(ISBLANK(${i}),ISBLANK(${a}))`;
  const rule = s.pair(["Adoption needed", num(gate.threshold)], ["Measured adoption", formula(`=IF(${pending},"",${a}/${i})`)]);
  const threshold = s.named("walkThreshold", rule, 1, true);
  const adoption = cellAt(rule, 3);
  s.b.format(threshold, FORMATS.wholePercent);
  s.b.format(adoption, FORMATS.rate);
  s.b.validate(threshold, percentRule, "A percentage from 0% to 100%.");
  const result = s.pair(["Walk go / no-go", formula(`=IF(${pending},"${PENDING}",PE.WALK_GATE(${a},${i},${t}))`)]);
  gateCell(s, "walkGate", result, 1);
  return adoption;
}

function writeRunGate(s: CharterSheet): void {
  const { crawlGate: c, walkGate: w } = s.names;
  const r = s.pair(
    ["Enter run?", formula(`=IF(AND(${c}="GO",${w}="GO"),"GO",IF(OR(${c}="NO-GO",${w}="NO-GO"),"NO-GO","${PENDING}"))`)],
    ["Only if both gates passed", text("Both sides also commit to the next phase, and the ROI model holds at scale.")],
  );
  gateCell(s, "runGate", r, 1);
  s.b.style(cellAt(r, 3), { italic: true, wrap: true, vertical: "top" });
}
