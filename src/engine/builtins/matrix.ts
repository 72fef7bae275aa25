/** MDETERM and MINVERSE (Gaussian elimination with partial pivoting). */
import { CellError } from "hyperformula";
import { asMatrix, numError, valueError, type Matrix, type Value } from "./values";

function numericSquare(value: Value | undefined): number[][] | CellError {
  const m = asMatrix(value ?? null);
  const n = m.length;
  if (n === 0 || m.some((row) => row.length !== n)) return valueError("the array must be square");
  const out: number[][] = [];
  for (const row of m) {
    const r: number[] = [];
    for (const cell of row) {
      if (cell instanceof CellError) return cell;
      if (typeof cell !== "number") return valueError("the array must hold numbers only");
      r.push(cell);
    }
    out.push(r);
  }
  return out;
}

function eliminate(a: number[][], inverse: boolean): { det: number; inv?: number[][] } {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...(inverse ? row.map((_, j) => (i === j ? 1 : 0)) : [])]);
  let det = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (m[pivot][col] === 0) return { det: 0 };
    if (pivot !== col) {
      [m[pivot], m[col]] = [m[col], m[pivot]];
      det = -det;
    }
    const p = m[col][col];
    det *= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / p;
      if (f !== 0) for (let c = col; c < m[r].length; c++) m[r][c] -= f * m[col][c];
    }
  }
  return { det, inv: inverse ? m.map((row, i) => row.slice(n).map((x) => x / m[i][i])) : undefined };
}

export function mdeterm(args: (Value | undefined)[]): Value {
  const a = numericSquare(args[0]);
  return a instanceof CellError ? a : eliminate(a, false).det;
}

export function minverse(args: (Value | undefined)[]): Value {
  const a = numericSquare(args[0]);
  if (a instanceof CellError) return a;
  const { inv } = eliminate(a, true);
  return inv ? (inv as Matrix) : numError("the matrix has no inverse");
}
