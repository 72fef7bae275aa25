import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkOptionsDraft, optionsStepOfField } from "../../src/taskpane/deal-options/check";
import { dealOptionsWizard } from "../../src/taskpane/deal-options/definition";
import { draftFromOptionsInput, initialOptionsDraft, toOptionsModelInput } from "../../src/taskpane/deal-options/draft";
import { buildDealOptionsPlan } from "../../src/workbook/models/deal-options";

const EXAMPLE = JSON.parse(readFileSync(join(__dirname, "../../docs/examples/deal-options.json"), "utf8"));

describe("the deal-options wizard's draft", () => {
  test("a fresh draft asks for the forecast and positions (quietly, on their own steps)", () => {
    const { errors } = checkOptionsDraft(initialOptionsDraft());
    expect(errors.filter((e) => e.quiet).map((e) => e.field)).toEqual(
      expect.arrayContaining(["revenue.0", "positions.idealNpv", "positions.walkAwayNpv"]),
    );
    expect(optionsStepOfField("revenue.0")).toBe("shared");
    expect(optionsStepOfField("options.1.flatFee")).toBe("options");
    expect(optionsStepOfField("positions.idealNpv")).toBe("positions");
  });

  test("the example as a draft gives back the same model input, tiers kept as they were", () => {
    const input = buildDealOptionsPlan(EXAMPLE).input;
    const draft = draftFromOptionsInput(input);
    expect(draft.options[2].kept.revenueShare).toEqual(input.options[2].revenueShare);
    expect(checkOptionsDraft(draft).errors).toEqual([]);
    const { wizard: _wizard, version: _version, ...answers } = input;
    expect(buildDealOptionsPlan(toOptionsModelInput(draft).input).input).toEqual(answers);
  });

  test("typed slips are reported on the model's field paths; a rate in the list on the list's field", () => {
    const draft = draftFromOptionsInput(buildDealOptionsPlan(EXAMPLE).input);
    draft.options[0].shareRates = "30, 150";
    draft.options[1].flatFee = "lots";
    const fields = checkOptionsDraft(draft).errors.map((e) => [e.field, e.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ["options.0.revenueShare.rates", "Year 2 rate is 150%: enter a rate from 0% to 100%"],
        ["options.1.flatFee", '"lots" is not a number: enter the fee per year, or leave it blank'],
      ]),
    );
  });

  test("saved in the model's own format and restored with the step", () => {
    const draft = draftFromOptionsInput(buildDealOptionsPlan(EXAMPLE).input);
    const json = dealOptionsWizard.save(draft, "positions");
    expect(JSON.parse(json)).toMatchObject({ wizard: "deal-options", version: 1, options: expect.any(Array) });
    expect(dealOptionsWizard.restore(json)).toEqual({ state: draft, stepId: "positions" });
  });
});
