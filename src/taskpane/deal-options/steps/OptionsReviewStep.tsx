import { useMemo } from "react";
import { structureText } from "../../../workbook/models/deal-options/lever";
import { DealOptionsInputSchema } from "../../../workbook/models/deal-options/input";
import { ReviewPage } from "../../wizard/ReviewPage";
import type { StepProps } from "../../wizard/types";
import { toOptionsModelInput, type OptionsDraft } from "../draft";

export function OptionsReviewStep(props: StepProps<OptionsDraft>) {
  const { state } = props;
  const input = useMemo(() => {
    const parsed = DealOptionsInputSchema.safeParse(toOptionsModelInput(state).input);
    return parsed.success ? parsed.data : undefined;
  }, [state]);
  const rows: [string, string][] = input
    ? [
        ["Term", `${input.termYears} years, discount rate ${+(input.discountRate * 100).toPrecision(12)}%`],
        ...input.options.map((o, i): [string, string] => [
          `Option ${String.fromCharCode(65 + i)}`,
          `${o.name || "(not named)"}: ${structureText(o)}`,
        ]),
        [
          "Our positions",
          `ideal ${input.positions.idealNpv}, acceptable ${input.positions.acceptableNpv}, walk-away ${input.positions.walkAwayNpv}`,
        ],
        ["Partner's BATNA", String(input.positions.partnerBatnaNpv)],
      ]
    : [];
  return (
    <ReviewPage
      {...props}
      intro="The comparison goes on a new sheet; nothing already in the workbook is changed."
      chartLabel="Add a chart of cumulative net for both sides"
      rows={rows}
    />
  );
}
