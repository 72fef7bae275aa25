import { Body1, Button, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { DEFAULT_PAYOUT_TIERS } from "../../../workbook/models/payouts/defaults";
import { NumberField, TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import { fractionToPercentText } from "../../wizard/typed-numbers";
import type { StepProps } from "../../wizard/types";
import type { PayoutsDraft } from "../draft";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function Tiers({ state, update, messages }: Pick<StepProps<PayoutsDraft>, "state" | "update" | "messages">) {
  const styles = useStepStyles();
  const set = (index: number, key: "from" | "rate", value: string) =>
    update((s) => ({ ...s, tiers: s.tiers.map((t, i) => (i === index ? { ...t, [key]: value } : t)) }));
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>Tiers on revenue to date in the period</legend>
      {state.tiers.map((tier, i) => (
        <div key={i} className={styles.row}>
          <NumberField
            className={styles.medium}
            label={`Tier ${i + 1} from`}
            value={tier.from}
            onChange={(value) => set(i, "from", value)}
            validation={messages.field(`tiers.${i}.from`)}
          />
          <NumberField
            className={styles.narrow}
            label={`Tier ${i + 1} rate`}
            suffix="%"
            value={tier.rate}
            onChange={(value) => set(i, "rate", value)}
            validation={messages.field(`tiers.${i}.rate`)}
          />
        </div>
      ))}
      <div className={styles.actions}>
        <Button size="small" onClick={() => update((s) => ({ ...s, tiers: [...s.tiers, { from: "", rate: "" }] }))}>
          Add a tier
        </Button>
        <Button
          size="small"
          disabled={state.tiers.length <= 1}
          onClick={() => update((s) => ({ ...s, tiers: s.tiers.slice(0, -1) }))}
        >
          Remove the last tier
        </Button>
        <Button
          size="small"
          onClick={() =>
            update((s) => ({
              ...s,
              tiers: DEFAULT_PAYOUT_TIERS.map((t) => ({ from: String(t.from), rate: fractionToPercentText(t.rate) })),
            }))
          }
        >
          Use 1% / 2% / 3% from 0 / 1,000 / 3,000
        </Button>
      </div>
      <Field label="A sale that crosses a tier" {...messages.field("tiers")}>
        <RadioGroup
          value={state.method}
          onChange={(_, data) => update((s) => ({ ...s, method: data.value as PayoutsDraft["method"] }))}
        >
          <Radio value="marginal" label="Marginal: each part at its tier's rate" />
          <Radio value="retroactive" label="Retroactive: everything to date at the new rate" />
        </RadioGroup>
      </Field>
    </fieldset>
  );
}

export function PlanStep({ state, update, messages }: StepProps<PayoutsDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Tiers state={state} update={update} messages={messages} />
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Periods</legend>
        <div className={styles.row}>
          <Field className={styles.medium} label="Period">
            <Select
              value={state.frequency}
              onChange={(_, data) => update((s) => ({ ...s, frequency: data.value as PayoutsDraft["frequency"] }))}
            >
              <option value="month">Month</option>
              <option value="quarter">Quarter</option>
              <option value="year">Year</option>
            </Select>
          </Field>
          <Field className={styles.medium} label="Fiscal year starts in" {...messages.field("fiscalYearStart")}>
            <Select value={state.fiscalYearStart} onChange={(_, data) => update((s) => ({ ...s, fiscalYearStart: data.value }))}>
              {MONTHS.map((month, i) => (
                <option key={month} value={String(i + 1)}>
                  {month}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Floor and cap per period</legend>
        <Body1 className={styles.muted}>Leave the cap empty for none.</Body1>
        <div className={styles.row}>
          <NumberField
            className={styles.medium}
            label="Floor"
            value={state.floor}
            onChange={(floor) => update((s) => ({ ...s, floor }))}
            validation={messages.field("floor")}
          />
          <NumberField
            className={styles.medium}
            label="Cap"
            value={state.cap}
            onChange={(cap) => update((s) => ({ ...s, cap }))}
            validation={messages.field("cap")}
          />
        </div>
        <Checkbox
          checked={state.recover}
          onChange={(_, data) => update((s) => ({ ...s, recover: data.checked === true }))}
          label="The floor is a draw, recovered from later periods (unticked: a guarantee)"
        />
        <Checkbox
          checked={state.carry}
          onChange={(_, data) => update((s) => ({ ...s, carry: data.checked === true }))}
          label="What the cap holds back is paid later (unticked: forfeited)"
        />
      </fieldset>
      <TextField
        className={styles.narrow}
        label="Currency"
        value={state.currency}
        onChange={(currency) => update((s) => ({ ...s, currency }))}
        validation={messages.field("currency")}
      />
    </div>
  );
}
