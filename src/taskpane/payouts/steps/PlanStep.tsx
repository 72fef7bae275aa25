import { DEFAULT_PAYOUT_TIERS } from "../../../workbook/models/payouts/defaults";
import { stateBinder } from "../../wizard/bind";
import { Choice, Fields, Section, Tick, type FieldLayout } from "../../wizard/form";
import { Pick } from "../../wizard/Pick";
import { ListEditor } from "../../wizard/ListEditor";
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

const FREQUENCIES = [
  ["month", "Month"],
  ["quarter", "Quarter"],
  ["year", "Year"],
] as const;

const METHODS = [
  ["marginal", "Marginal: each part at its tier's rate"],
  ["retroactive", "Retroactive: everything to date at the new rate"],
] as const;

const FLOOR_AND_CAP: FieldLayout<PayoutsDraft>[] = [
  [
    { key: "floor", path: "floor", label: "Floor", width: "medium" },
    { key: "cap", path: "cap", label: "Cap", width: "medium" },
  ],
];

const CURRENCY: FieldLayout<PayoutsDraft>[] = [
  { key: "currency", path: "currency", label: "Currency", kind: "text", width: "narrow" },
];

export function PlanStep(props: StepProps<PayoutsDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  const bind = stateBinder(props);
  const set = (change: Partial<PayoutsDraft>) => update((s) => ({ ...s, ...change }));
  return (
    <div className={styles.stack}>
      <Section legend="Tiers on revenue to date in the period">
        <ListEditor
          items={state.tiers}
          onChange={(tiers) => set({ tiers })}
          messages={messages}
          path="tiers"
          fields={(i) => [
            [
              { key: "from", path: "from", label: `Tier ${i + 1} from`, width: "medium" },
              { key: "rate", path: "rate", label: `Tier ${i + 1} rate`, suffix: "%", width: "narrow" },
            ],
          ]}
          add={{ text: "Add a tier", item: () => ({ from: "", rate: "" }) }}
          removeLast="Remove the last tier"
          reset={{
            text: "Use 1% / 2% / 3% from 0 / 1,000 / 3,000",
            items: () => DEFAULT_PAYOUT_TIERS.map((t) => ({ from: String(t.from), rate: fractionToPercentText(t.rate) })),
          }}
        />
        <Choice
          label="A sale that crosses a tier"
          value={state.method}
          options={METHODS}
          onChange={(method) => set({ method })}
        />
      </Section>
      <Section legend="Periods">
        <div className={styles.row}>
          <Pick
            className={styles.medium}
            label="Period"
            value={state.frequency}
            options={FREQUENCIES}
            onChange={(frequency) => set({ frequency })}
          />
          <Pick
            className={styles.medium}
            label="Fiscal year starts in"
            value={state.fiscalYearStart}
            options={MONTHS.map((month, i) => [String(i + 1), month] as const)}
            onChange={(fiscalYearStart) => set({ fiscalYearStart })}
            validation={messages.field("fiscalYearStart")}
          />
        </div>
      </Section>
      <Section legend="Floor and cap per period" note="Leave the cap empty for none.">
        <Fields bind={bind} fields={FLOOR_AND_CAP} />
        <Tick
          checked={state.recover}
          onChange={(recover) => set({ recover })}
          label="The floor is a draw, recovered from later periods (unticked: a guarantee)"
        />
        <Tick
          checked={state.carry}
          onChange={(carry) => set({ carry })}
          label="What the cap holds back is paid later (unticked: forfeited)"
        />
      </Section>
      <Fields bind={bind} fields={CURRENCY} />
    </div>
  );
}
