import { stateBinder } from "../../wizard/bind";
import { Fields, Section, type FieldLayout } from "../../wizard/form";
import { ListEditor } from "../../wizard/ListEditor";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { ScorecardDraft } from "../draft";

const REVIEW_RULES: FieldLayout<ScorecardDraft>[] = [
  { key: "asOf", path: "asOf", label: "As of", hint: "Terms in force and renewal windows are read on this date", kind: "date" },
  [
    { key: "expandAfter", path: "expandAfter", label: "Expand after (quarters on target)" },
    { key: "exitAfter", path: "exitAfter", label: "Exit review after (quarters below)" },
    {
      key: "renewalLeadDays",
      path: "renewalLeadDays",
      label: "Renewal review lead (days)",
      hint: "Typical 60–90 days before a term ends",
    },
  ],
];

const HEALTH: FieldLayout<ScorecardDraft>[] = [
  { key: "belowBand", path: "belowBand", label: "Label below the lowest band", kind: "text" },
  [
    { key: "healthCap", path: "healthCap", label: "Attainment counted as full marks", suffix: "%" },
    {
      key: "spareQuarters",
      path: "spareQuarters",
      label: "Spare quarter columns",
      hint: "Empty quarters after the data, for the actuals to come",
    },
  ],
];

export function RulesStep(props: StepProps<ScorecardDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  const bind = stateBinder(props);
  return (
    <div className={styles.stack}>
      <Section legend="Review rules">
        <Fields bind={bind} fields={REVIEW_RULES} />
      </Section>
      <Section legend="Health bands" note="A partner is in the highest band whose starting score its health reaches.">
        <ListEditor
          items={state.bands}
          onChange={(bands) => update((s) => ({ ...s, bands }))}
          messages={messages}
          path="healthBands"
          fields={(i) => [
            [
              { key: "from", path: "from", label: `Band ${i + 1} from`, width: "narrow" },
              { key: "label", path: "label", label: `Band ${i + 1} label`, kind: "text" },
            ],
          ]}
        />
        <Fields bind={bind} fields={HEALTH} />
      </Section>
    </div>
  );
}
