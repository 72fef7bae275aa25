import { Body1 } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import { fieldBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

export function GovernanceStep({ state, update, messages }: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const g = state.governance;
  const set = (change: Partial<CharterDraft["governance"]>) =>
    update((s) => ({ ...s, governance: { ...s.governance, ...change } }));
  const bind = fieldBinder(g, set, messages);
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
