import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { RELATIVE_TOLERANCE } from "../../src/core/tolerance";

/**
 * What the SQL tests share: one in-process DuckDB (no server) per test file, a seeded random
 * source so every run checks the same ledgers, and the comparison of a SQL figure with core's.
 */

export type Row = Record<string, unknown>;

export interface Duck {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Row[]>;
  close(): void;
}

export async function openDuck(): Promise<Duck> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection: DuckDBConnection = await instance.connect();
  return {
    async run(sql) {
      await connection.run(sql);
    },
    async rows(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** mulberry32: a small, well-known 32-bit generator; the same seed gives the same ledgers on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)];
}

export function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A value as a DuckDB literal, for the test tables (the generator's own quoting is what is under test). */
export function duckLiteral(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The functions' tolerance (tolerance.ts), relative to the size of the figures involved: a
 * warehouse adds a running total in its own order, so the last bits of a sum may differ from
 * core's one pass; `scale` is the largest magnitude the figure was computed from (the running totals).
 */
export function closeTo(actual: number, expected: number, scale: number): boolean {
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(scale), Math.abs(expected));
}
