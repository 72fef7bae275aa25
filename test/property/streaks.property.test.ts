import fc from "fast-check";
import { ExcelError } from "../../src/core/errors";
import { partnerStatusCells, streakCells } from "../../src/core/streaks";
import { reaches } from "../../src/core/tolerance";
import { anyArgument, anyScalar, expectValidResult, gridOf, neverThrows } from "./arbitraries";

// ---- valid period data: numbers (some near the target) and blanks, one target or one per period ----
const actualCell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(100, 100 - 1e-8, 100 - 1e-6, 0.1 + 0.2) },
  { weight: 2, arbitrary: fc.constantFrom(null, "", undefined) },
);
const targetValue = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.constantFrom(100, 0.3),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

const periods = fc.integer({ min: 1, max: 10 }).chain((count) =>
  fc.record({
    actuals: fc.array(actualCell, { minLength: count, maxLength: count }),
    targets: fc.oneof(
      targetValue.map((target) => [target]),
      fc.array(targetValue, { minLength: count, maxLength: count }),
    ),
    column: fc.boolean(),
  }),
);
const asRange = (values: unknown[], column: boolean) => (column ? values.map((value) => [value]) : [values]);
const isBlankCell = (value: unknown) => value === null || value === undefined || value === "";

/** The streaks counted directly from the definition, as a check on the implementation. */
function modelStreaks(actuals: unknown[], targets: number[]): { below: number; met: number; reported: number } {
  const targetOf = (index: number) => (targets.length === 1 ? targets[0] : targets[index]);
  let last = actuals.length - 1;
  while (last >= 0 && isBlankCell(actuals[last])) last--;
  const reported = actuals.filter((actual) => !isBlankCell(actual)).length;
  const count = (met: boolean) => {
    let run = 0;
    for (let index = last; index >= 0 && !isBlankCell(actuals[index]); index--) {
      if (reaches(actuals[index] as number, targetOf(index)) !== met) break;
      run++;
    }
    return run;
  };
  return { below: count(false), met: count(true), reported };
}

const periodCount = fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom(null, undefined));

describe("PE.STREAK and PE.PARTNER_STATUS contract", () => {
  it("never throw and return only whole numbers, statuses or typed errors, for any input", () => {
    fc.assert(
      fc.property(anyArgument, anyArgument, fc.oneof(anyScalar, anyArgument), fc.oneof(anyScalar, anyArgument), (a, t, x, y) => {
        const count = neverThrows(() => streakCells(a, t, x));
        expectValidResult(count);
        if (typeof count === "number") expect(Number.isInteger(count) && count >= 0).toBe(true);
        else expect(count).toBeInstanceOf(ExcelError);
        const status = neverThrows(() => partnerStatusCells(a, t, x, y));
        expectValidResult(status);
        if (!(status instanceof ExcelError)) expect(["Exit review", "Expand", "Course-correct", "Maintain"]).toContain(status);
      }),
      { numRuns: 500 },
    );
  });

  it("keep the contract for any cells in valid shapes", () => {
    fc.assert(
      fc.property(gridOf(anyScalar, 1, 8), fc.oneof(anyScalar, gridOf(anyScalar, 1, 8)), (actuals, targets) => {
        expectValidResult(neverThrows(() => streakCells(actuals, targets, "met")));
        expectValidResult(neverThrows(() => partnerStatusCells(actuals, targets)));
      }),
    );
  });

  it("STREAK counts as the definition says and never more than the reported periods", () => {
    fc.assert(
      fc.property(periods, ({ actuals, targets, column }) => {
        const model = modelStreaks(actuals, targets);
        const below = streakCells(asRange(actuals, column), asRange(targets, column));
        const met = streakCells(asRange(actuals, column), asRange(targets, column), "met");
        expect(below).toBe(model.below);
        expect(met).toBe(model.met);
        expect(below as number).toBeLessThanOrEqual(model.reported);
        expect(met as number).toBeLessThanOrEqual(model.reported);
        // The last reported period is either met or missed: exactly one streak runs, or none without a report.
        expect((below as number) > 0 !== (met as number) > 0).toBe(model.reported > 0);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same streaks for a row and for the same periods as a column", () => {
    fc.assert(
      fc.property(periods, fc.constantFrom("below", "met"), ({ actuals, targets }, which) => {
        expect(streakCells(asRange(actuals, true), asRange(targets, true), which)).toBe(
          streakCells(asRange(actuals, false), asRange(targets, false), which),
        );
      }),
    );
  });

  it("PARTNER_STATUS is the first rule that holds over the STREAKs", () => {
    fc.assert(
      fc.property(periods, periodCount, periodCount, ({ actuals, targets, column }, expandAfter, exitAfter) => {
        const a = asRange(actuals, column);
        const t = asRange(targets, column);
        const status = partnerStatusCells(a, t, expandAfter, exitAfter);
        const below = streakCells(a, t, "below") as number;
        const met = streakCells(a, t, "met") as number;
        if (below === 0 && met === 0) {
          expect(status).toBeInstanceOf(ExcelError);
          expect((status as ExcelError).code).toBe("#N/A");
          return;
        }
        const exit = exitAfter ?? 3;
        const expand = expandAfter ?? 2;
        const expected = below >= exit ? "Exit review" : met >= expand ? "Expand" : below > 0 ? "Course-correct" : "Maintain";
        expect(status).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("appending a period that meets target ends a below streak and adds one to a met streak", () => {
    fc.assert(
      fc.property(periods, ({ actuals, targets }) => {
        const target = targets[0];
        const before = streakCells([actuals], [[target]], "met") as number;
        const lastReported = actuals.some((actual) => !isBlankCell(actual));
        const trimmed = [...actuals];
        while (trimmed.length > 0 && isBlankCell(trimmed[trimmed.length - 1])) trimmed.pop();
        const extended = [...trimmed, target + Math.abs(target)];
        expect(streakCells([extended], [[target]], "met")).toBe(lastReported ? before + 1 : 1);
        expect(streakCells([extended], [[target]], "below")).toBe(0);
      }),
    );
  });
});
