import { Body1, Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { DEFAULT_YEAR_RATES } from "../../../workbook/models/deal/defaults";
import { MAX_DEAL_RATES } from "../../../workbook/models/deal/input";
import { NumberField, TextField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import { defaultTiers, type DealDraft, type RevenueTierDraft } from "../draft";
import { fractionToPercentText } from "../../wizard/typed-numbers";
import { ListMessage } from "./ListMessage";
import { useStepStyles } from "../../wizard/step-styles";
import { stateBinder } from "../../wizard/bind";

const TYPICAL_RATES = DEFAULT_YEAR_RATES.map((r) => `${fractionToPercentText(r)}%`).join(" / ");

function YearRates({ state, update, messages }: Pick<StepProps<DealDraft>, "state" | "update" | "messages">) {
  const styles = useStepStyles();
  const rates = state.yearRates;
  const setRate = (index: number, value: string) =>
    update((s) => ({ ...s, yearRates: s.yearRates.map((r, i) => (i === index ? value : r)) }));
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>Rate by contract year</legend>
      <Body1 className={styles.muted}>
        The partner&apos;s share of each year&apos;s revenue, typically 15–30% to the referring or supporting party. The last rate
        continues for every later year.
      </Body1>
      <div className={styles.row}>
        {rates.map((rate, index) => (
          <NumberField
            key={index}
            className={styles.narrow}
            label={index === rates.length - 1 && index > 0 ? `Year ${index + 1} onwards` : `Year ${index + 1}`}
            suffix="%"
            value={rate}
            onChange={(value) => setRate(index, value)}
            validation={messages.field(`revenueShare.rates.${index}`)}
          />
        ))}
      </div>
      <ListMessage messages={messages} field="revenueShare.rates" />
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={rates.length >= MAX_DEAL_RATES}
          onClick={() => update((s) => ({ ...s, yearRates: [...s.yearRates, s.yearRates[s.yearRates.length - 1] ?? ""] }))}
        >
          Add a year
        </Button>
        <Button
          size="small"
          disabled={rates.length <= 1}
          onClick={() => update((s) => ({ ...s, yearRates: s.yearRates.slice(0, -1) }))}
        >
          Remove the last year
        </Button>
        <Button size="small" onClick={() => update((s) => ({ ...s, yearRates: DEFAULT_YEAR_RATES.map(fractionToPercentText) }))}>
          Use {TYPICAL_RATES}
        </Button>
      </div>
    </fieldset>
  );
}

function RevenueTiers({ state, update, messages }: Pick<StepProps<DealDraft>, "state" | "update" | "messages">) {
  const styles = useStepStyles();
  const setTier = (index: number, change: Partial<RevenueTierDraft>) =>
    update((s) => ({ ...s, tiers: s.tiers.map((t, i) => (i === index ? { ...t, ...change } : t)) }));
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>Rate by yearly revenue</legend>
      <Body1 className={styles.muted}>
        Each tier&apos;s rate applies from the yearly revenue it starts at; rates are typically 15–30% to the referring or
        supporting party. The amounts below are examples: set your own.
      </Body1>
      <Field label="How the tiers apply to a year's revenue">
        <RadioGroup
          value={state.tierMethod}
          onChange={(_, data) => update((s) => ({ ...s, tierMethod: data.value as DealDraft["tierMethod"] }))}
        >
          <Radio value="marginal" label="Marginal: each slice of revenue at its own tier's rate, like tax brackets" />
          <Radio value="retroactive" label="Retroactive: the whole year's revenue at the highest tier reached" />
        </RadioGroup>
      </Field>
      {state.tiers.map((tier, index) => (
        <div key={index} className={styles.row} role="group" aria-label={`Tier ${index + 1}`}>
          <NumberField
            className={styles.grow}
            label={`Tier ${index + 1} from yearly revenue`}
            value={tier.from}
            onChange={(from) => setTier(index, { from })}
            validation={messages.field(`revenueShare.tiers.${index}.from`)}
          />
          <NumberField
            className={styles.narrow}
            label={`Tier ${index + 1} rate`}
            suffix="%"
            value={tier.rate}
            onChange={(rate) => setTier(index, { rate })}
            validation={messages.field(`revenueShare.tiers.${index}.rate`)}
          />
        </div>
      ))}
      <ListMessage messages={messages} field="revenueShare.tiers" />
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={state.tiers.length >= MAX_DEAL_RATES}
          onClick={() => update((s) => ({ ...s, tiers: [...s.tiers, { from: "", rate: "" }] }))}
        >
          Add a tier
        </Button>
        <Button
          size="small"
          disabled={state.tiers.length <= 1}
          onClick={() => update((s) => ({ ...s, tiers: s.tiers.slice(0, -1) }))}
        >
          Remove the last tier
        </Button>
        <Button size="small" onClick={() => update((s) => ({ ...s, tiers: defaultTiers() }))}>
          Start again from the example tiers
        </Button>
      </div>
    </fieldset>
  );
}

export function RevenueShareStep({ state, update, messages }: StepProps<DealDraft>) {
  const bindTop = stateBinder({ state, update, messages });
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <TextField
          className={styles.grow}
          label="Partner"
          hint="Shown in the sheet's title; optional."
          {...bindTop("partnerName", "partnerName")}
        />
        <TextField className={styles.narrow} label="Currency" hint="$, €, CHF… or empty" {...bindTop("currency", "currency")} />
      </div>
      <Field label="How is the partner's revenue share set?">
        <RadioGroup
          value={state.basis}
          onChange={(_, data) => update((s) => ({ ...s, basis: data.value as DealDraft["basis"] }))}
        >
          <Radio value="byYear" label={`By contract year (e.g. ${TYPICAL_RATES})`} />
          <Radio value="byTier" label="By yearly revenue tier" />
        </RadioGroup>
      </Field>
      {state.basis === "byYear" ? (
        <YearRates state={state} update={update} messages={messages} />
      ) : (
        <RevenueTiers state={state} update={update} messages={messages} />
      )}
    </div>
  );
}
