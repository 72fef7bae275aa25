import { Body1, Button, Checkbox } from "@fluentui/react-components";
import { CO_MARKETING_SPLITS, TYPICAL_REFERRAL_RATES, TYPICAL_RESELLER_DISCOUNTS } from "../../../workbook/models/deal/defaults";
import { NumberField } from "../../wizard/fields";
import { fieldBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import { padded, termYearsOf, type DealDraft } from "../draft";
import { fractionToPercentText, parseTyped, percentToFraction } from "../../wizard/typed-numbers";
import { useStepStyles } from "../../wizard/step-styles";

const range = ({ low, high }: { low: number; high: number }) => `${fractionToPercentText(low)}–${fractionToPercentText(high)}%`;

export function FeesStep({ state, update, messages }: StepProps<DealDraft>) {
  const styles = useStepStyles();
  const set = (change: Partial<DealDraft>) => update((s) => ({ ...s, ...change }));
  const bind = fieldBinder(state, set, messages);
  const typedShare = parseTyped(state.coMarketingShare, true);
  const currentShare = typedShare === undefined ? undefined : percentToFraction(typedShare);

  return (
    <div className={styles.stack}>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Referral fee</legend>
        <Body1 className={styles.muted}>A one-time fee, a share of the referred revenue of year 1.</Body1>
        <NumberField
          className={styles.narrow}
          label="Fee rate"
          hint={`Typical ${range(TYPICAL_REFERRAL_RATES)}`}
          suffix="%"
          {...bind("referralRate", "referral.rate")}
        />
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Minimum fee (optional)"
            hint="E.g. a flat 500–5,000 per qualified lead; blank for none"
            {...bind("referralMinimum", "referral.minimum")}
          />
          <NumberField
            className={styles.grow}
            label="Maximum fee (optional)"
            hint="Blank for none"
            {...bind("referralMaximum", "referral.maximum")}
          />
        </div>
      </fieldset>

      <fieldset className={styles.card}>
        <legend className={styles.legend}>Reseller</legend>
        <Checkbox
          checked={state.resellerEnabled}
          onChange={(_, data) =>
            update((s) => ({
              ...s,
              resellerEnabled: data.checked === true,
              units: padded(s.units, termYearsOf(s) ?? 0),
            }))
          }
          label="The partner also resells: buys at a discount off list and sells at list"
        />
        {state.resellerEnabled ? (
          <>
            <div className={styles.row}>
              <NumberField
                className={styles.narrow}
                label="Discount off list"
                hint={`Typical ${range(TYPICAL_RESELLER_DISCOUNTS)}`}
                suffix="%"
                {...bind("resellerDiscount", "reseller.discount")}
              />
              <NumberField className={styles.grow} label="List price per unit" {...bind("listPrice", "reseller.listPrice")} />
            </div>
            <Body1 className={styles.muted}>The units sold each year go with the revenue forecast, in the next step.</Body1>
          </>
        ) : null}
      </fieldset>

      <fieldset className={styles.card}>
        <legend className={styles.legend}>Co-marketing</legend>
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Joint budget per year"
            hint="Both sides together; 0 if none"
            {...bind("coMarketingBudget", "coMarketing.budget")}
          />
          <NumberField
            className={styles.narrow}
            label="Our share"
            hint="50 for 50/50"
            suffix="%"
            {...bind("coMarketingShare", "coMarketing.ourShare")}
          />
        </div>
        <Body1 className={styles.muted}>
          Typically 50/50 for joint campaigns, or 60/40 or 70/30 when one side benefits more (ours first):
        </Body1>
        <div className={styles.actions} role="group" aria-label="Common co-marketing splits">
          {CO_MARKETING_SPLITS.map((split) => (
            <Button
              key={split.label}
              size="small"
              aria-pressed={currentShare === split.ourShare}
              onClick={() => set({ coMarketingShare: fractionToPercentText(split.ourShare) })}
            >
              {split.label}
            </Button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
