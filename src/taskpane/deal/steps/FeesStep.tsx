import { CO_MARKETING_SPLITS, TYPICAL_REFERRAL_RATES, TYPICAL_RESELLER_DISCOUNTS } from "../../../workbook/models/deal/defaults";
import { stateBinder } from "../../wizard/bind";
import { Actions, Fields, Note, Section, Tick, type FieldLayout } from "../../wizard/form";
import type { StepProps } from "../../wizard/types";
import { padded, termYearsOf, type DealDraft } from "../draft";
import { fractionToPercentText, parseTyped, percentToFraction } from "../../wizard/typed-numbers";
import { useStepStyles } from "../../wizard/step-styles";

const range = ({ low, high }: { low: number; high: number }) => `${fractionToPercentText(low)}–${fractionToPercentText(high)}%`;

const REFERRAL: FieldLayout<DealDraft>[] = [
  {
    key: "referralRate",
    path: "referral.rate",
    label: "Fee rate",
    hint: `Typical ${range(TYPICAL_REFERRAL_RATES)}`,
    suffix: "%",
    width: "narrow",
  },
  [
    {
      key: "referralMinimum",
      path: "referral.minimum",
      label: "Minimum fee (optional)",
      hint: "E.g. a flat 500–5,000 per qualified lead; blank for none",
    },
    { key: "referralMaximum", path: "referral.maximum", label: "Maximum fee (optional)", hint: "Blank for none" },
  ],
];

const RESELLER: FieldLayout<DealDraft>[] = [
  [
    {
      key: "resellerDiscount",
      path: "reseller.discount",
      label: "Discount off list",
      hint: `Typical ${range(TYPICAL_RESELLER_DISCOUNTS)}`,
      suffix: "%",
      width: "narrow",
    },
    { key: "listPrice", path: "reseller.listPrice", label: "List price per unit" },
  ],
];

const CO_MARKETING: FieldLayout<DealDraft>[] = [
  [
    {
      key: "coMarketingBudget",
      path: "coMarketing.budget",
      label: "Joint budget per year",
      hint: "Both sides together; 0 if none",
    },
    {
      key: "coMarketingShare",
      path: "coMarketing.ourShare",
      label: "Our share",
      hint: "50 for 50/50",
      suffix: "%",
      width: "narrow",
    },
  ],
];

export function FeesStep(props: StepProps<DealDraft>) {
  const { state, update } = props;
  const styles = useStepStyles();
  const bind = stateBinder(props);
  const typedShare = parseTyped(state.coMarketingShare, true);
  const currentShare = typedShare === undefined ? undefined : percentToFraction(typedShare);
  return (
    <div className={styles.stack}>
      <Section legend="Referral fee" note="A one-time fee, a share of the referred revenue of year 1.">
        <Fields bind={bind} fields={REFERRAL} />
      </Section>
      <Section legend="Reseller">
        <Tick
          checked={state.resellerEnabled}
          onChange={(resellerEnabled) => update((s) => ({ ...s, resellerEnabled, units: padded(s.units, termYearsOf(s) ?? 0) }))}
          label="The partner also resells: buys at a discount off list and sells at list"
        />
        {state.resellerEnabled ? <Fields bind={bind} fields={RESELLER} /> : null}
        {state.resellerEnabled ? <Note>The units sold each year go with the revenue forecast, in the next step.</Note> : null}
      </Section>
      <Section legend="Co-marketing">
        <Fields bind={bind} fields={CO_MARKETING} />
        <Note>Typically 50/50 for joint campaigns, or 60/40 or 70/30 when one side benefits more (ours first):</Note>
        <Actions
          label="Common co-marketing splits"
          buttons={CO_MARKETING_SPLITS.map((split) => ({
            text: split.label,
            pressed: currentShare === split.ourShare,
            onClick: () => update((s) => ({ ...s, coMarketingShare: fractionToPercentText(split.ourShare) })),
          }))}
        />
      </Section>
    </div>
  );
}
