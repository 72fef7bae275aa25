import { Body1 } from "@fluentui/react-components";
import { NumberField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import type { QualificationDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";
import { stateBinder } from "../../wizard/bind";

export function ScaleStep({ state, update, messages }: StepProps<QualificationDraft>) {
  const bindTop = stateBinder({ state, update, messages });
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Body1>
        Ratings run from 0 to the top of the scale; a partner rated at the top on every criterion scores 100. The sheet only
        accepts ratings in that range.
      </Body1>
      <NumberField
        className={styles.narrow}
        label="Top of the rating scale"
        hint="5 for ratings 1–5, 10 for 1–10"
        {...bindTop("scale", "scale")}
      />
    </div>
  );
}
