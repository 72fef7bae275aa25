import type { Shape } from "./excel-values";

/**
 * How a function's result shape follows its arguments' shapes (never their values), so that a
 * spreadsheet engine can size a spill before computing it. An omitted argument has no shape.
 */
export type ResultShapeRule = (argumentShapes: ReadonlyArray<Shape | undefined>) => Shape;

const ONE_CELL: Shape = { rows: 1, cols: 1 };

export const oneCell: ResultShapeRule = () => ONE_CELL;

export function sameShapeAs(index: number): ResultShapeRule {
  return (shapes) => shapes[index] ?? ONE_CELL;
}

/** One result per row for a block of several rows and columns; one value for a single row or column. */
export function onePerRowOf(index: number): ResultShapeRule {
  return (shapes) => {
    const shape = shapes[index];
    if (!shape || shape.rows === 1 || shape.cols === 1) return ONE_CELL;
    return { rows: shape.rows, cols: 1 };
  };
}

function cellCount(shape: Shape | undefined): number {
  return shape ? shape.rows * shape.cols : 1;
}

/** A grid with one row per cell of argument `rowsFrom` and one column per cell of argument `colsFrom` (two label lists). */
export function gridOfLabels(rowsFrom: number, colsFrom: number): ResultShapeRule {
  return (shapes) => ({ rows: cellCount(shapes[rowsFrom]), cols: cellCount(shapes[colsFrom]) });
}
