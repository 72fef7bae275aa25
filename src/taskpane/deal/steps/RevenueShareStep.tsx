import { DEFAULT_YEAR_RATES } from "../../../workbook/models/deal/defaults";
import { MAX_DEAL_RATES } from "../../../workbook/models/deal/input";
import { Choice, Fields, Section, type FieldLayout } from "../../wizard/form";
import { ListEditor } from "../../wizard/ListEditor";
import type { StepProps } from "../../wizard/types";
import { defaultTiers, type DealDraft } from "../draft";
import { fractionToPercentText } from "../../wizard/typed-numbers";
import { useStepStyles } from "../../wizard/step-styles";
import { stateBinder } from "../../wizard/bind";

const TYPICAL_RATES = DEFAULT_YEAR_RATES.map((r) => `${fractionToPercentText(r)}%`).join(" / ");

const BASES = [
  ["byYear", `By contract year (e.g. ${TYPICAL_RATES})`],
  ["byTier", "By yearly revenue tier"],
] as const;

const PARTY: FieldLayout<DealDraft>[] = [
  [
    { key: "partnerName", path: "partnerName", label: "Partner", hint: "Shown in the sheet's title; optional.", kind: "text" },
    { key: "currency", path: "currency", label: "Currency", hint: "$, €, CHF… or empty", kind: "text", width: "narrow" },
  ],
];

const TIER_METHODS = [
  ["marginal", "Marginal: each slice of revenue at its own tier's rate, like tax brackets"],
  ["retroactive", "Retroactive: the whole year's revenue at the highest tier reached"],
] as const;

function YearRates({ state, update, messages }: Pick<StepProps<DealDraft>, "state" | "update" | "messages">) {
  const rates = state.yearRates.map((rate) => ({ rate }));
  const last = rates.length - 1;
  return (
    <Section
      legend="Rate by contract year"
      note="The partner's share of each year's revenue, typically 15–30% to the referring or supporting party. The last rate continues for every later year."
    >
      <ListEditor
        inline
        items={rates}
        onChange={(items) => update((s) => ({ ...s, yearRates: items.map((r) => r.rate) }))}
        messages={messages}
        path="revenueShare.rates"
        fields={(i) => [
          {
            key: "rate",
            path: "",
            label: i === last && i > 0 ? `Year ${i + 1} onwards` : `Year ${i + 1}`,
            suffix: "%",
            width: "narrow",
          },
        ]}
        add={{ text: "Add a year", item: (items) => ({ rate: items[items.length - 1]?.rate ?? "" }), max: MAX_DEAL_RATES }}
        removeLast="Remove the last year"
        reset={{ text: `Use ${TYPICAL_RATES}`, items: () => DEFAULT_YEAR_RATES.map((r) => ({ rate: fractionToPercentText(r) })) }}
      />
    </Section>
  );
}

function RevenueTiers({ state, update, messages }: Pick<StepProps<DealDraft>, "state" | "update" | "messages">) {
  return (
    <Section
      legend="Rate by yearly revenue"
      note="Each tier's rate applies from the yearly revenue it starts at; rates are typically 15–30% to the referring or supporting party. The amounts below are examples: set your own."
    >
      <Choice
        label="How the tiers apply to a year's revenue"
        value={state.tierMethod}
        options={TIER_METHODS}
        onChange={(tierMethod) => update((s) => ({ ...s, tierMethod }))}
      />
      <ListEditor
        items={state.tiers}
        onChange={(tiers) => update((s) => ({ ...s, tiers }))}
        messages={messages}
        path="revenueShare.tiers"
        groupLabel={(i) => `Tier ${i + 1}`}
        fields={(i) => [
          [
            { key: "from", path: "from", label: `Tier ${i + 1} from yearly revenue` },
            { key: "rate", path: "rate", label: `Tier ${i + 1} rate`, suffix: "%", width: "narrow" },
          ],
        ]}
        add={{ text: "Add a tier", item: () => ({ from: "", rate: "" }), max: MAX_DEAL_RATES }}
        removeLast="Remove the last tier"
        reset={{ text: "Start again from the example tiers", items: defaultTiers }}
      />
    </Section>
  );
}

export function RevenueShareStep({ state, update, messages }: StepProps<DealDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Fields bind={stateBinder({ state, update, messages })} fields={PARTY} />
      <Choice
        label="How is the partner's revenue share set?"
        value={state.basis}
        options={BASES}
        onChange={(basis) => update((s) => ({ ...s, basis }))}
      />
      {state.basis === "byYear" ? (
        <YearRates state={state} update={update} messages={messages} />
      ) : (
        <RevenueTiers state={state} update={update} messages={messages} />
      )}
    </div>
  );
}
