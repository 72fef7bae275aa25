import { DelimitedTextError, readDelimitedText } from "../workbook/input/delimited-text";
import { mapPartnerColumns, type PositionedProblem } from "../workbook/input/partner-columns";
import { buildQualificationPlan, QualificationInputError } from "../workbook/models/qualification";
import { DEFAULT_BELOW_LABEL, DEFAULT_CRITERIA, DEFAULT_SCALE, DEFAULT_TIERS } from "../workbook/models/qualification/defaults";
import { readBytes } from "./cli-files";
import { CliProblemList, FlagValueError, MAX_LISTED_PROBLEMS } from "./cli-problems";
import { step } from "./guard";
import { quoteInput } from "./messages";
import type { NewModelBuilt } from "./new-deal";

/**
 * `pe-calc new qualification --partners partners.csv -o matrix.xlsx` with the column mapping of
 * a real export: `--name-column`, `--criteria "Strategic fit=30,Market reach=25"`, `--scale 10`,
 * `--tiers "85,70,50"`, `--labels "Gold,Silver,Bronze[,below]"`. Every problem in the file is
 * listed as `file:line:column: message` (the column is the field number), up to 20, then a count.
 */
function numberFlag(flag: string, text: string): number {
  const value = Number(text.trim().replace(/%$/, ""));
  if (text.trim() === "" || !Number.isFinite(value))
    throw new FlagValueError(`${flag}: ${JSON.stringify(quoteInput(text))} is not a number`);
  return value;
}

function listFlag(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** "Strategic fit=30,Market reach=25,Region" → names with optional weights. */
export function parseCriteriaFlag(text: string): { name: string; weight?: number }[] {
  const items = listFlag(text);
  if (items.length === 0)
    throw new FlagValueError('--criteria needs at least one column, e.g. --criteria "Strategic fit=30,Market reach=25"');
  return items.map((item) => {
    const at = item.lastIndexOf("=");
    if (at < 0) return { name: item };
    const name = item.slice(0, at).trim();
    if (name === "") throw new FlagValueError(`--criteria: ${JSON.stringify(quoteInput(item))} has a weight but no column name`);
    return { name, weight: numberFlag(`--criteria ${quoteInput(name)}`, item.slice(at + 1)) };
  });
}

export function parseTiersFlag(
  tiersText: string | undefined,
  labelsText: string | undefined,
): {
  tiers: { threshold: number; label: string }[];
  belowLabel: string;
} {
  const thresholds =
    tiersText === undefined ? DEFAULT_TIERS.map((t) => t.threshold) : listFlag(tiersText).map((t) => numberFlag("--tiers", t));
  if (thresholds.length === 0) throw new FlagValueError('--tiers needs at least one threshold, e.g. --tiers "85,70,50"');
  const labels = labelsText === undefined ? undefined : listFlag(labelsText);
  if (labels && labels.length !== thresholds.length && labels.length !== thresholds.length + 1)
    throw new FlagValueError(
      `--labels has ${labels.length} labels for ${thresholds.length} tiers: give ${thresholds.length} (one a tier) or ${thresholds.length + 1} (the last for scores below every tier)`,
    );
  const defaultLabel = (i: number): string => (tiersText === undefined ? DEFAULT_TIERS[i].label : `Tier ${i + 1}`);
  return {
    tiers: thresholds.map((threshold, i) => ({ threshold, label: labels?.[i] ?? defaultLabel(i) })),
    belowLabel: labels?.[thresholds.length] ?? DEFAULT_BELOW_LABEL,
  };
}

function problemLines(file: string, problems: PositionedProblem[]): string[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const listed = sorted.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${file}:${p.line}:${p.column ?? 1}: ${p.message}`);
  const more = sorted.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? [...listed, `${file}: … and ${more} more problem${more === 1 ? "" : "s"}`] : listed;
}

export function buildQualificationFromFile(options: Record<string, string>): NewModelBuilt & { notes: string[] } {
  const file = options.partners;
  const scale = options.scale === undefined ? DEFAULT_SCALE : numberFlag("--scale", options.scale);
  if (!(scale > 0)) throw new FlagValueError(`--scale: the top of the rating scale must be above 0, e.g. --scale 10`);
  const criteria = options.criteria === undefined ? undefined : parseCriteriaFlag(options.criteria);
  const { tiers, belowLabel } = parseTiersFlag(options.tiers, options.labels);

  step(`reading ${file}`);
  let table;
  try {
    table = readDelimitedText(readBytes(file));
  } catch (error) {
    if (error instanceof DelimitedTextError)
      throw new CliProblemList(file, [`${file}:${error.line ?? 1}:1: not valid CSV: ${error.message}`]);
    throw error;
  }
  const mapped = mapPartnerColumns(table, { nameColumn: options["name-column"], criteria, scale }, DEFAULT_CRITERIA);
  if (mapped.problems.length > 0) throw new CliProblemList(file, problemLines(file, mapped.problems));

  step(`building the matrix for ${file}`);
  const defaults = new Map(DEFAULT_CRITERIA.map((c) => [c.name.toUpperCase(), c]));
  try {
    const { plan, layout, warnings } = buildQualificationPlan({
      partners: mapped.partners,
      criteria: mapped.criteria.map((c) => ({
        name: c.name,
        weight: c.weight,
        guidance: [...(defaults.get(c.name.toUpperCase())?.guidance ?? [])],
      })),
      ratings: mapped.ratings,
      scale,
      tiers,
      belowLabel,
      ...(options.sheet ? { sheetName: options.sheet } : {}),
    });
    const count = layout.partnerCount;
    const notes: string[] = [];
    if (mapped.keptOut.length > 0)
      notes.push(
        `columns kept out of the matrix: ${mapped.keptOut.map((c) => quoteInput(c, 40)).join(", ")} (rate them with --criteria "Column=weight,…")`,
      );
    if (table.encoding !== "utf-8")
      notes.push(`read ${file} as ${table.encoding === "windows-1252" ? "Windows-1252" : table.encoding.toUpperCase()}`);
    return {
      plan,
      summary: `sheet "${layout.sheet}", ${count} partner${count === 1 ? "" : "s"} in table ${layout.tableName} (${plan.sheets[0].tables![0].range})`,
      warnings: warnings.map((w) => w.message),
      notes,
    };
  } catch (error) {
    if (error instanceof QualificationInputError) {
      const positioned: PositionedProblem[] = error.errors.map((issue) => {
        const rating = /^ratings\.(\d+)\.(\d+)$/.exec(issue.path);
        if (rating)
          return {
            line: mapped.lines[+rating[1]],
            column: mapped.criterionColumns[+rating[2]] || undefined,
            message: issue.message,
          };
        const partner = /^partners\.(\d+)$/.exec(issue.path);
        if (partner) return { line: mapped.lines[+partner[1]], column: mapped.nameColumn, message: issue.message };
        return { line: table.rows[0]?.line ?? 1, message: `${flagFor(issue.path)}${issue.message}` };
      });
      throw new CliProblemList(file, problemLines(file, positioned));
    }
    throw error;
  }
}

function flagFor(path: string): string {
  if (/^(criteria|weights)/.test(path)) return "--criteria: ";
  if (/^tiers\.\d+\.label|^belowLabel/.test(path)) return "--labels: ";
  if (/^tiers/.test(path)) return "--tiers: ";
  if (path === "scale") return "--scale: ";
  if (path === "sheetName") return "--sheet: ";
  return "";
}

export const QUALIFICATION_MODEL_COMMAND = {
  options: {
    "--partners": "partners",
    "--sheet": "sheet",
    "--name-column": "name-column",
    "--criteria": "criteria",
    "--scale": "scale",
    "--tiers": "tiers",
    "--labels": "labels",
  },
  required: ["partners"],
  inputs: ["partners"],
  build: buildQualificationFromFile,
};
