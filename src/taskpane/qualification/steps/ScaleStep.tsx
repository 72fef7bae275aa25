import { Body1 } from "@fluentui/react-components";
import { stateBinder } from "../../wizard/bind";
import { Fields } from "../../wizard/form";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { QualificationDraft } from "../draft";

export function ScaleStep(props: StepProps<QualificationDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Body1>
        Ratings run from 0 to the top of the scale; a partner rated at the top on every criterion scores 100. The sheet only
        accepts ratings in that range.
      </Body1>
      <Fields
        bind={stateBinder(props)}
        fields={[
          {
            key: "scale",
            path: "scale",
            label: "Top of the rating scale",
            hint: "5 for ratings 1–5, 10 for 1–10",
            width: "narrow",
          },
        ]}
      />
    </div>
  );
}
