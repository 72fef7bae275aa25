import type { FunctionResult, Shape } from "./excel-values";

/**
 * How a function's result shape follows its arguments' shapes, so that a spreadsheet engine can
 * size a spill before computing it. An omitted argument has no shape. The only values a rule may
 * read are numbers typed into the formula itself (`typedNumbers`, undefined for anything else),
 * as HyperFormula sizes SEQUENCE from its literal rows and columns.
 */
export type ResultShapeRule = (
  argumentShapes: ReadonlyArray<Shape | undefined>,
  typedNumbers: ReadonlyArray<number | undefined>,
) => Shape;

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

/** A column of as many cells as the number typed as argument `index` (one cell when it is not a typed whole number ≥ 1). */
export function columnOfTypedSize(index: number): ResultShapeRule {
  return (_shapes, typedNumbers) => {
    const size = Math.trunc(typedNumbers[index] ?? 1);
    return { rows: size >= 1 && size <= 1_048_576 ? size : 1, cols: 1 };
  };
}

/**
 * A PE function's core implementation, as the engine binds it to its ID (through the call in its
 * JSDoc wrapper): Excel-shaped arguments in (an omitted one is null or undefined), a result or a
 * typed error out, never a throw; and, set right under it, the rule its result's shape follows.
 */
export interface CoreFunction {
  (...args: never[]): FunctionResult;
  resultShape?: ResultShapeRule;
}
