import { writeFileSync } from "node:fs";
import type { CaseResult } from "./harness";

/** The printed table and bench/results.json. */

function formatFigure(value: number | null, unit: string): string {
  if (value === null) return "—";
  if (unit === "ms")
    return `${value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0)} ms`;
  if (unit === "KB") return `${value.toFixed(1)} KB`;
  if (Number.isInteger(value)) return `${value} ${unit}`.trim();
  return `${value.toFixed(2)} ${unit}`.trim();
}

function formatRatio(value: number | null): string {
  return value === null ? "—" : value.toFixed(value < 10 ? 2 : 1);
}

function formatTarget(result: CaseResult): string {
  return result.target === null ? "(report)" : `≤ ${result.target}`;
}

function formatMet(result: CaseResult): string {
  if (result.target === null) return result.ours === null ? "pending" : "—";
  return result.met ? "yes" : "NO";
}

export function tableOf(results: readonly CaseResult[]): string {
  const header = ["case", "ours", "reference", "ratio", "target", "met"];
  const rows = results.map((result) => [
    result.case,
    formatFigure(result.ours, result.unit),
    formatFigure(result.reference, result.unit),
    formatRatio(result.ratio),
    formatTarget(result),
    formatMet(result),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`; // Markdown, as Prettier writes it
  const notes = results
    .filter((result) => result.note)
    .map((result) => `- ${result.case}: ${result.note}`)
    .join("\n");
  return [line(header), rule, ...rows.map(line)].join("\n") + (notes ? `\n\nNotes:\n${notes}` : "");
}

function rounded(value: number | null): number | null {
  return value === null ? null : Number(value.toPrecision(4));
}

export function writeResults(file: string, results: readonly CaseResult[]): void {
  const json = results.map((result) => ({
    case: result.case,
    ours: rounded(result.ours),
    reference: rounded(result.reference),
    ratio: rounded(result.ratio),
    target: result.target,
    met: result.met,
    unit: result.unit,
    ...(result.note ? { note: result.note } : {}),
  }));
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
