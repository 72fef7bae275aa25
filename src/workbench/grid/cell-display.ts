/** A cell's engine value as the grid shows it: formatted text, alignment, and an error's message. */
import { formatNumber } from "./number-format";

export type CellKind = "blank" | "number" | "text" | "boolean" | "error";

export interface CellDisplay {
  text: string;
  kind: CellKind;
  /** The error's message, shown as the cell's tooltip. */
  title?: string;
}

interface EngineError {
  value: string;
  message?: string;
}

function isEngineError(value: unknown): value is EngineError {
  return typeof value === "object" && value !== null && "value" in value && typeof (value as EngineError).value === "string";
}

export function displayOf(value: unknown, numberFormat?: string): CellDisplay {
  if (value === null || value === undefined || value === "") return { text: "", kind: "blank" };
  if (typeof value === "number") return { text: formatNumber(value, numberFormat), kind: "number" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (typeof value === "string") return { text: value, kind: "text" };
  if (isEngineError(value)) {
    const message = value.message ? `${value.value} ${value.message}` : value.value;
    return { text: value.value, kind: "error", title: message };
  }
  return { text: String(value), kind: "text" };
}
