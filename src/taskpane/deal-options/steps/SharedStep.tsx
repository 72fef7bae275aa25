import { Body1 } from "@fluentui/react-components";
import { MAX_OPTION_TERM_YEARS } from "../../../workbook/models/deal-options/defaults";
import { ListMessage } from "../../deal/steps/ListMessage";
import { stateBinder } from "../../wizard/bind";
import { NumberField, TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { padded, termYearsOf, type OptionsDraft } from "../draft";

/** The assumptions every option shares: term and revenue forecast, discount rate, both sides' investments and costs. */
export function SharedStep(props: StepProps<OptionsDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  const bind = stateBinder(props);
  const years = termYearsOf(state);
  const setTerm = (termYears: string) =>
    update((s) => {
      const n = termYearsOf({ ...s, termYears });
      return n === undefined ? { ...s, termYears } : { ...s, termYears, revenue: padded(s.revenue, n) };
    });
  const setYear = (index: number, value: string) =>
    update((s) => ({ ...s, revenue: padded(s.revenue, index + 1).map((v, i) => (i === index ? value : v)) }));
  const revenue = padded(state.revenue, years ?? 0);
  return (
    <div className={styles.stack}>
      <div className={styles.row}>
        <TextField className={styles.grow} label="Partner (optional)" {...bind("partnerName", "partnerName")} />
        <TextField className={styles.narrow} label="Currency" hint="e.g. $, €, CHF" {...bind("currency", "currency")} />
      </div>
      <NumberField
        className={styles.medium}
        label="Contract term (years)"
        hint={`1 to ${MAX_OPTION_TERM_YEARS}`}
        value={state.termYears}
        onChange={setTerm}
        validation={messages.field("termYears")}
      />
      {years === undefined ? null : (
        <fieldset className={styles.card}>
          <legend className={styles.legend}>Revenue forecast of the joint offering</legend>
          {Array.from({ length: years }, (_, i) => (
            <NumberField
              key={i}
              label={`Year ${i + 1} revenue`}
              value={revenue[i]}
              onChange={(value) => setYear(i, value)}
              validation={messages.field(`revenue.${i}`)}
            />
          ))}
          <ListMessage messages={messages} field="revenue" />
        </fieldset>
      )}
      <NumberField
        className={styles.narrow}
        label="Discount rate"
        suffix="%"
        hint="Per year, e.g. 10"
        {...bind("discountRate", "discountRate")}
      />
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Our side</legend>
        <NumberField label="Our investment before year 1" {...bind("ourInvestment", "ourInvestment")} />
        <div className={styles.row}>
          <NumberField className={styles.grow} label="Engineering per year" {...bind("engineering", "ourCosts.engineering")} />
          <NumberField className={styles.grow} label="Support per year" {...bind("support", "ourCosts.support")} />
          <NumberField
            className={styles.grow}
            label="Co-marketing per year"
            {...bind("ourCoMarketing", "ourCosts.coMarketing")}
          />
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>The partner&apos;s side</legend>
        <Body1 className={styles.muted}>
          In the partner&apos;s P&amp;L terms: what it puts in, what it spends, what it earns besides what we pay.
        </Body1>
        <NumberField label="Partner's investment before year 1" {...bind("partnerInvestment", "partner.investment")} />
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Partner's costs per year"
            {...bind("partnerCosts", "partner.yearlyCosts")}
          />
          <NumberField
            className={styles.grow}
            label="Partner's own revenue per year"
            {...bind("partnerRevenue", "partner.ownRevenue")}
          />
        </div>
      </fieldset>
    </div>
  );
}
