import { MAX_OPTION_TERM_YEARS } from "../../../workbook/models/deal-options/defaults";
import { ListMessage } from "../../wizard/ListMessage";
import { stateBinder } from "../../wizard/bind";
import { NumberField } from "../../wizard/fields";
import { Fields, Section, type FieldLayout } from "../../wizard/form";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { padded, termYearsOf, type OptionsDraft } from "../draft";

const PARTY: FieldLayout<OptionsDraft>[] = [
  [
    { key: "partnerName", path: "partnerName", label: "Partner (optional)", kind: "text" },
    { key: "currency", path: "currency", label: "Currency", hint: "e.g. $, €, CHF", kind: "text", width: "narrow" },
  ],
];

const DISCOUNT: FieldLayout<OptionsDraft>[] = [
  { key: "discountRate", path: "discountRate", label: "Discount rate", suffix: "%", hint: "Per year, e.g. 10", width: "narrow" },
];

const OURS: FieldLayout<OptionsDraft>[] = [
  { key: "ourInvestment", path: "ourInvestment", label: "Our investment before year 1" },
  [
    { key: "engineering", path: "ourCosts.engineering", label: "Engineering per year" },
    { key: "support", path: "ourCosts.support", label: "Support per year" },
    { key: "ourCoMarketing", path: "ourCosts.coMarketing", label: "Co-marketing per year" },
  ],
];

const THEIRS: FieldLayout<OptionsDraft>[] = [
  { key: "partnerInvestment", path: "partner.investment", label: "Partner's investment before year 1" },
  [
    { key: "partnerCosts", path: "partner.yearlyCosts", label: "Partner's costs per year" },
    { key: "partnerRevenue", path: "partner.ownRevenue", label: "Partner's own revenue per year" },
  ],
];

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
      <Fields bind={bind} fields={PARTY} />
      <NumberField
        className={styles.medium}
        label="Contract term (years)"
        hint={`1 to ${MAX_OPTION_TERM_YEARS}`}
        value={state.termYears}
        onChange={setTerm}
        validation={messages.field("termYears")}
      />
      {years === undefined ? null : (
        <Section legend="Revenue forecast of the joint offering">
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
        </Section>
      )}
      <Fields bind={bind} fields={DISCOUNT} />
      <Section legend="Our side">
        <Fields bind={bind} fields={OURS} />
      </Section>
      <Section
        legend="The partner's side"
        note="In the partner's P&L terms: what it puts in, what it spends, what it earns besides what we pay."
      >
        <Fields bind={bind} fields={THEIRS} />
      </Section>
    </div>
  );
}
