/**
 * Which column holds what, guessed from the headers (the wizard shows the guess for the user to
 * confirm; the CLI takes it as is), and the data read with it.
 *
 * Actuals come in long form, one row per partner and quarter (partner, period, target, actual),
 * or in wide form, one row per partner with a target and an actual column per quarter headed
 * like "2025-Q1 target" / "Actual 2025-Q1". Contracts: one row per partner with the contract
 * start, initial term (years), renewal term (years, 0 = none), notice (days) and each further
 * KPI's actual, in columns headed by the KPI's name.
 */
import { DataTextError, cellPlace, dateCell, numberCell, type DelimitedTable } from "./delimited-text";

export type ActualsMapping =
  | { layout: "long"; partner: number; period: number; target: number; actual: number }
  | { layout: "wide"; partner: number; quarters: { period: string; target: number; actual: number }[] };

export interface ActualsData {
  periods: string[];
  partners: { name: string; targets: (number | null)[]; actuals: (number | null)[] }[];
}

const find = (header: string[], pattern: RegExp): number => header.findIndex((title) => pattern.test(title.trim()));
const PARTNER = /^(partner|partner name|name|company)$/i;

export function guessActualsMapping(header: string[]): ActualsMapping {
  const partner = Math.max(0, find(header, PARTNER));
  const period = find(header, /^(period|quarter|qtr|date)$/i);
  const target = find(header, /^(revenue )?target$/i);
  const actual = find(header, /^(revenue )?actual$/i);
  if (period >= 0 && target >= 0 && actual >= 0) return { layout: "long", partner, period, target, actual };
  const byPeriod = new Map<string, { target: number; actual: number }>();
  header.forEach((title, column) => {
    const match = /^(.*?)[\s_:-]*\b(target|actual)\b[\s_:-]*(.*?)$/i.exec(title.trim());
    if (!match || column === partner) return;
    const label = `${match[1]} ${match[3]}`.replace(/[()[\]]/g, "").trim();
    if (label === "") return;
    const entry = byPeriod.get(label) ?? { target: -1, actual: -1 };
    entry[match[2].toLowerCase() as "target" | "actual"] = column;
    byPeriod.set(label, entry);
  });
  const quarters = [...byPeriod].filter(([, c]) => c.target >= 0 && c.actual >= 0).map(([p, c]) => ({ period: p, ...c }));
  if (quarters.length === 0) {
    throw new DataTextError(
      `the columns are neither long form (partner, period, target, actual) nor wide form ("2025-Q1 target", "2025-Q1 actual"…): found ${header.map((h) => `"${h}"`).join(", ")}`,
    );
  }
  return { layout: "wide", partner, quarters };
}

export function readActuals(table: DelimitedTable, mapping: ActualsMapping): ActualsData {
  if (mapping.layout === "wide") {
    const periods = mapping.quarters.map((q) => q.period);
    const partners = table.rows.map(({ cells, line }) => ({
      name: partnerName(table, line, mapping.partner, cells),
      targets: mapping.quarters.map((q) => numberCell(table, line, q.target, cells[q.target])),
      actuals: mapping.quarters.map((q) => numberCell(table, line, q.actual, cells[q.actual])),
    }));
    return orderedQuarters({ periods, partners });
  }
  const periods: string[] = [];
  const byName = new Map<
    string,
    { name: string; values: Map<string, { target: number | null; actual: number | null; line: number }> }
  >();
  for (const { cells, line } of table.rows) {
    const name = partnerName(table, line, mapping.partner, cells);
    const period = (cells[mapping.period] ?? "").trim();
    if (period === "") throw new DataTextError(`${cellPlace(table, line, mapping.period)}: the period is blank`);
    if (!periods.includes(period)) periods.push(period);
    const entry = byName.get(name.toUpperCase()) ?? { name, values: new Map() };
    const earlier = entry.values.get(period);
    if (earlier) throw new DataTextError(`line ${line}: ${name} has ${period} twice (also on line ${earlier.line})`);
    entry.values.set(period, {
      target: numberCell(table, line, mapping.target, cells[mapping.target]),
      actual: numberCell(table, line, mapping.actual, cells[mapping.actual]),
      line,
    });
    byName.set(name.toUpperCase(), entry);
  }
  const partners = [...byName.values()].map(({ name, values }) => ({
    name,
    targets: periods.map((p) => values.get(p)?.target ?? null),
    actuals: periods.map((p) => values.get(p)?.actual ?? null),
  }));
  return orderedQuarters({ periods, partners });
}

function partnerName(table: DelimitedTable, line: number, column: number, cells: string[]): string {
  const name = (cells[column] ?? "").trim();
  if (name === "") throw new DataTextError(`${cellPlace(table, line, column)}: the partner's name is blank`);
  return name;
}

/** Quarters sorted by time when every label reads like "2025-Q1" or "Q1 2025", otherwise as given. */
function orderedQuarters(data: ActualsData): ActualsData {
  const keyOf = (label: string): number | null => {
    const yq = /^(\d{4})[- ]?Q([1-4])$/i.exec(label);
    if (yq) return Number(yq[1]) * 4 + Number(yq[2]);
    const qy = /^Q([1-4])[- ]?(\d{4})$/i.exec(label);
    return qy ? Number(qy[2]) * 4 + Number(qy[1]) : null;
  };
  const keys = data.periods.map(keyOf);
  if (keys.some((k) => k === null)) return data;
  const order = data.periods.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  return {
    periods: order.map((i) => data.periods[i]),
    partners: data.partners.map((p) => ({
      name: p.name,
      targets: order.map((i) => p.targets[i]),
      actuals: order.map((i) => p.actuals[i]),
    })),
  };
}

export interface ContractsMapping {
  partner: number;
  start: number;
  initialYears: number;
  renewalYears: number;
  noticeDays: number;
  /** Column of each KPI of the plan, -1 when the text has none. */
  kpis: number[];
}

export interface ContractRow {
  /** The partner's name as the contracts text spells it. */
  name: string;
  start: string | null;
  initialYears: number | null;
  renewalYears: number | null;
  noticeDays: number | null;
  kpis: (number | null)[];
}

export function guessContractsMapping(header: string[], kpiNames: string[]): ContractsMapping {
  return {
    partner: Math.max(0, find(header, PARTNER)),
    start: find(header, /start/i),
    initialYears: find(header, /initial/i),
    renewalYears: find(header, /renew/i),
    noticeDays: find(header, /notice/i),
    kpis: kpiNames.map((kpi) => header.findIndex((title) => title.trim().toUpperCase() === kpi.toUpperCase())),
  };
}

/** Contract rows by partner name (upper case), or an error naming the line and column. */
export function readContracts(table: DelimitedTable, mapping: ContractsMapping): Map<string, ContractRow> {
  const contracts = new Map<string, ContractRow>();
  for (const { cells, line } of table.rows) {
    const name = partnerName(table, line, mapping.partner, cells);
    if (contracts.has(name.toUpperCase())) throw new DataTextError(`line ${line}: ${name} has a second contract row`);
    const numberAt = (column: number): number | null => (column < 0 ? null : numberCell(table, line, column, cells[column]));
    contracts.set(name.toUpperCase(), {
      name,
      start: mapping.start < 0 ? null : dateCell(table, line, mapping.start, cells[mapping.start]),
      initialYears: numberAt(mapping.initialYears),
      renewalYears: numberAt(mapping.renewalYears),
      noticeDays: numberAt(mapping.noticeDays),
      kpis: mapping.kpis.map(numberAt),
    });
  }
  return contracts;
}

/**
 * The scorecard's data: each partner's actuals with its contract row, then partners that have a
 * contract but no actuals yet (their rows wait for a first quarter). `withoutContract` names the
 * partners that have actuals but no contract row.
 */
export function combineData(actuals: ActualsData, contracts: Map<string, ContractRow>) {
  const seen = new Set(actuals.partners.map((p) => p.name.toUpperCase()));
  const partners = actuals.partners.map((p) => ({ ...(contracts.get(p.name.toUpperCase()) ?? {}), ...p }));
  const withoutContract = actuals.partners.filter((p) => !contracts.has(p.name.toUpperCase())).map((p) => p.name);
  for (const [key, contract] of contracts) {
    if (!seen.has(key)) partners.push({ targets: [], actuals: [], ...contract });
  }
  return { periods: actuals.periods, partners, withoutContract };
}
