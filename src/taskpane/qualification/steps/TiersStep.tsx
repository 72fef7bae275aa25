import { Body1 } from "@fluentui/react-components";
import { MAX_TIERS } from "../../../workbook/models/qualification/input";
import { stateBinder } from "../../wizard/bind";
import { Fields, type FieldLayout } from "../../wizard/form";
import { ListEditor } from "../../wizard/ListEditor";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { QualificationDraft } from "../draft";

const BELOW: FieldLayout<QualificationDraft>[] = [
  {
    key: "belowLabel",
    path: "belowLabel",
    label: "Label below the lowest tier",
    hint: "Leave it empty to show #N/A for those partners.",
    kind: "text",
  },
];

export function TiersStep(props: StepProps<QualificationDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Body1>A partner is in the highest tier whose starting score it reaches (scores run 0 to 100).</Body1>
      <ListEditor
        items={state.tiers}
        onChange={(tiers) => update((s) => ({ ...s, tiers }))}
        messages={messages}
        path="tiers"
        legend={(i) => `Tier ${i + 1}`}
        fields={() => [
          [
            { key: "threshold", path: "threshold", label: "Starts at score", width: "narrow" },
            { key: "label", path: "label", label: "Label", kind: "text" },
          ],
        ]}
        removeEach={{ min: 1, ariaLabel: (i, tier) => `Remove tier ${i + 1} (${tier.label || "no label"})` }}
        add={{ text: "Add a tier", item: (tiers) => ({ threshold: "", label: `Tier ${tiers.length + 1}` }), max: MAX_TIERS }}
      />
      <Fields bind={stateBinder(props)} fields={BELOW} />
    </div>
  );
}
