import { Body1 } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import { sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

export function GovernanceStep(props: StepProps<CharterDraft>) {
  const { state } = props;
  const styles = useStepStyles();
  const { bind } = sectionBinder(props, "governance");
  const ours = state.ourName.trim();
  const theirs = state.partnerName.trim();
  return (
    <div className={styles.stack}>
      <Body1>Who decides on each side, and where a disagreement goes when the owners cannot settle it.</Body1>
      <ListField
        label={ours ? `Decision owners at ${ours}` : "Our decision owners"}
        hint="One per line: name and role, e.g. Ana Ruiz, VP Partnerships."
        itemName="owner"
        {...bind("ourOwners", "governance.ourOwners")}
      />
      <ListField
        label={theirs ? `Decision owners at ${theirs}` : "The partner's decision owners"}
        hint="One per line: name and role."
        itemName="owner"
        {...bind("partnerOwners", "governance.partnerOwners")}
      />
      <ListField
        label="Escalation path"
        hint="One step per line, first to last: working team, steering committee, executive sponsors."
        itemName="escalation step"
        {...bind("escalation", "governance.escalation")}
      />
    </div>
  );
}
