import { Body1, Button } from "@fluentui/react-components";
import { MAX_TERM_YEARS, TYPICAL_INITIAL_TERM_YEARS } from "../../../workbook/models/deal/defaults";
import { NumberField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import { padded, termYearsOf, type DealDraft } from "../draft";
import { ListMessage } from "../../wizard/ListMessage";
import { useStepStyles } from "../../wizard/step-styles";

export function ForecastStep({ state, update, messages }: StepProps<DealDraft>) {
  const styles = useStepStyles();
  const years = termYearsOf(state);
  const setTerm = (termYears: string) =>
    update((s) => {
      const next = { ...s, termYears };
      const n = termYearsOf(next);
      // Fields are added as the term grows and kept (hidden) when it shrinks: retyping the term loses nothing.
      return n === undefined ? next : { ...next, revenue: padded(s.revenue, n), units: padded(s.units, n) };
    });
  const setYear = (key: "revenue" | "units", index: number, value: string) =>
    update((s) => ({ ...s, [key]: padded(s[key], index + 1).map((v, i) => (i === index ? value : v)) }));
  const fillFromYearOne = () =>
    update((s) => {
      const n = termYearsOf(s) ?? 0;
      const first = s.revenue[0] ?? "";
      return { ...s, revenue: padded(s.revenue, n).map((v, i) => (i < n && v.trim() === "" ? first : v)) };
    });
  const revenue = padded(state.revenue, years ?? 0);
  const units = padded(state.units, years ?? 0);

  return (
    <div className={styles.stack}>
      <NumberField
        className={styles.medium}
        label="Term modelled (years)"
        hint={`1 to ${MAX_TERM_YEARS}; one schedule row per contract year`}
        value={state.termYears}
        onChange={setTerm}
        validation={messages.field("termYears")}
      />
      {years === undefined ? (
        <Body1 className={styles.muted}>Enter the term to get one forecast field per contract year.</Body1>
      ) : (
        <fieldset className={styles.card}>
          <legend className={styles.legend}>Revenue forecast per contract year</legend>
          <Body1 className={styles.muted}>
            The revenue the partnership brings in each year (initial terms are typically {TYPICAL_INITIAL_TERM_YEARS.low}–
            {TYPICAL_INITIAL_TERM_YEARS.high} years, then renewals). You can change these later in the sheet.
          </Body1>
          {Array.from({ length: years }, (_, i) => (
            <div key={i} className={styles.row}>
              <NumberField
                className={styles.grow}
                label={`Year ${i + 1} revenue`}
                value={revenue[i]}
                onChange={(value) => setYear("revenue", i, value)}
                validation={messages.field(`revenue.${i}`)}
              />
              {state.resellerEnabled ? (
                <NumberField
                  className={styles.narrow}
                  label={`Year ${i + 1} units resold`}
                  value={units[i]}
                  onChange={(value) => setYear("units", i, value)}
                  validation={messages.field(`reseller.units.${i}`)}
                />
              ) : null}
            </div>
          ))}
          <ListMessage messages={messages} field="revenue" />
          <ListMessage messages={messages} field="reseller.units" />
          {years > 1 ? (
            <div className={styles.actions}>
              <Button size="small" disabled={(state.revenue[0] ?? "").trim() === ""} onClick={fillFromYearOne}>
                Fill the empty years with year 1&apos;s revenue
              </Button>
            </div>
          ) : null}
        </fieldset>
      )}
    </div>
  );
}
