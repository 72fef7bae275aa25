import type { HyperFormula, RawCellContent } from "hyperformula";
import { createEngine } from "../src/engine";
import { timed, type Measure } from "./harness";

/**
 * "Full recalculation" in the engine, the same way for every side: a new engine built from the
 * sheet's raw content (every formula parsed, the dependency graph built, every cell computed), as
 * when a workbook is opened. Not `rebuildAndRecalculate()`: HyperFormula 3.5 serializes spilled
 * cells as typed values, so a rebuilt spill becomes #SPILL! (handsontable/hyperformula#1745).
 *
 * `inspect` sees the engine of the first measured build (before it is destroyed), so a case can
 * check that what it timed computed the right figures.
 */
export function fullRecalculation(content: RawCellContent[][], inspect?: (hf: HyperFormula) => void): Measure {
  let inspected = false;
  return () => {
    let hf: HyperFormula | undefined;
    const ms = timed(() => {
      hf = createEngine({}, { Sheet1: content });
    });
    if (!inspected && inspect && hf) {
      inspect(hf);
      inspected = true;
    }
    hf?.destroy();
    return ms;
  };
}
