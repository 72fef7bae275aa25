import { Body1 } from "@fluentui/react-components";
import { EXIT_CRITERIA_SUGGESTIONS } from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";
import { stateBinder } from "../../wizard/bind";

export function ExitStep({ state, update, messages }: StepProps<CharterDraft>) {
  const bindTop = stateBinder({ state, update, messages });
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Body1>
        Agree now on what would end the partnership, while both sides are on good terms. A charter needs at least one exit
        criterion.
      </Body1>
      <ListField
        label="Exit criteria"
        hint="One per line. Add the suggestions with one click, then adapt them."
        itemName="exit criterion"
        required
        rows={4}
        {...bindTop("exitCriteria", "exitCriteria")}
        suggestions={EXIT_CRITERIA_SUGGESTIONS}
      />
    </div>
  );
}
