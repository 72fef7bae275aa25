import {
  ErrorResult,
  FormulaEvaluator,
  FormulaSyntaxError,
  evaluateFormula,
  evaluateFormulas,
  formatResult,
} from "../../src/engine";

describe("evaluating stand-alone formulas", () => {
  it("evaluates PE functions mixed with built-ins, with or without the leading =", () => {
    expect(evaluateFormula("=SUM(PE.REVSHARE_TIERED({100000,200000},{0,50000},{0.1,0.2}))")).toBeCloseTo(50000, 9);
    expect(evaluateFormula("PE.PARTNER_SCORE({5,4,3,2,1})")).toBe(70);
    expect(evaluateFormula("  =1+1  ")).toBe(2);
  });

  it("returns a spill as a 2-D array and a 1×1 array as its one value", () => {
    expect(evaluateFormula("=PE.TIER({90,40;75,55})")).toEqual([
      ["Tier 1", "Not qualified"],
      ["Tier 2", "Tier 3"],
    ]);
    expect(evaluateFormula("={7}")).toBe(7);
    expect(evaluateFormula("=PE.TIER({90})")).toBe("Tier 1");
  });

  it("returns an Excel error as a result with its code and message", () => {
    const result = evaluateFormula("=PE.REVSHARE_TIERED(100000,{0},{30})");
    expect(result).toBeInstanceOf(ErrorResult);
    expect((result as ErrorResult).code).toBe("#NUM!");
    expect((result as ErrorResult).message).toContain("rate 30 is above 1: write 30% or 0.3");
    expect(evaluateFormula("=1/0")).toEqual(new ErrorResult("#DIV/0!", ""));
  });

  it("throws FormulaSyntaxError, with a reason a user can act on, for a formula that does not parse", () => {
    const cases: Array<[string, RegExp]> = [
      ["=SUM(1,2", /"\(" not closed/],
      ['="abc', /double quotes is not closed/],
      ["=1)", /"\)" has no matching/],
      ["=SUM(1;2)", /separated by ","/],
      ["=1+", /not a valid formula/],
    ];
    for (const [formula, reason] of cases) {
      let caught: unknown;
      try {
        evaluateFormula(formula);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(FormulaSyntaxError);
      expect((caught as FormulaSyntaxError).reason).toMatch(reason);
      expect((caught as FormulaSyntaxError).formula).toBe(formula);
    }
  });

  it("evaluates many formulas in order, marking the unparsable ones", () => {
    const outcomes = evaluateFormulas(["=PE.TIER(90)", "=SUM(", "=PE.WALK_GATE(7,10)"]);
    expect(outcomes.map((outcome) => ("result" in outcome ? outcome.result : "syntax error"))).toEqual([
      "Tier 1",
      "syntax error",
      "GO",
    ]);
  });

  it("leaves nothing behind between formulas: cell references stay blank", () => {
    const evaluator = new FormulaEvaluator();
    expect(() => evaluator.evaluate("=A1+")).toThrow(FormulaSyntaxError);
    expect(evaluator.evaluate("=A1")).toBeNull();
    expect(evaluator.evaluate("=ISBLANK(A1)")).toBe(true);
  });
});

describe("formatting a result as pe-calc prints it", () => {
  it("prints numbers as JavaScript does, text as is and booleans as TRUE/FALSE", () => {
    expect(formatResult(30000)).toBe("30000");
    expect(formatResult(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatResult(1e21)).toBe("1e+21");
    expect(formatResult("Tier 1")).toBe("Tier 1");
    expect(formatResult(true)).toBe("TRUE");
    expect(formatResult(false)).toBe("FALSE");
    expect(formatResult(null)).toBe("");
  });

  it("prints an error as its code, a space and the message, or the code alone", () => {
    expect(formatResult(new ErrorResult("#NUM!", "rate 30 is above 1: write 30% or 0.3"))).toBe(
      "#NUM! rate 30 is above 1: write 30% or 0.3",
    );
    expect(formatResult(new ErrorResult("#DIV/0!", ""))).toBe("#DIV/0!");
  });

  it("prints an array in Excel's array-constant notation", () => {
    expect(
      formatResult([
        [30000, 24000],
        [1, 2],
      ]),
    ).toBe("{30000,24000;1,2}");
    expect(formatResult([["Tier 1", 'say "hi"', true, null, new ErrorResult("#NUM!", "why")]])).toBe(
      '{"Tier 1","say ""hi""",TRUE,"",#NUM!}',
    );
    expect(formatResult([[1], [2]])).toBe("{1;2}");
  });
});

describe("Excel syntax and built-ins HyperFormula lacks", () => {
  it("reads TRUE and FALSE as literals, not names", () => {
    expect(evaluateFormula("=IF(TRUE,1,2)")).toBe(1);
    expect(evaluateFormula("=AND(TRUE,FALSE)")).toBe(false);
    expect(evaluateFormula('="TRUE"')).toBe("TRUE");
  });

  it("ranks like Excel's RANK.EQ and RANK: ties share a rank, order 1 ranks the smallest first", () => {
    expect(evaluateFormula("=RANK.EQ(3,{1,3,2,3})")).toBe(1);
    expect(evaluateFormula("=RANK(2,{1,3,2,3})")).toBe(3);
    expect(evaluateFormula("=RANK(2,{1,3,2,3},1)")).toBe(2);
    expect(evaluateFormula('=RANK(2,{1,"x",2})')).toBe(1);
    expect(evaluateFormula("=RANK(9,{1,2})")).toMatchObject({ code: "#N/A" });
  });
});
