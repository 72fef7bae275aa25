import { Body1, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { BALANCE_QUESTION, VALUE_SUGGESTIONS } from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import { TextField } from "../../wizard/fields";
import { sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

export function ValueStep(props: StepProps<CharterDraft>) {
  const { state, messages } = props;
  const styles = useStepStyles();
  const v = state.valueExchange;
  const { bind, set } = sectionBinder(props, "valueExchange");
  return (
    <div className={styles.stack}>
      <Body1>What each side puts in. A partnership lasts when both sides would still choose it.</Body1>
      <ListField
        label={state.ourName.trim() ? `What ${state.ourName.trim()} gives` : "What we give"}
        itemName="contribution"
        {...bind("weGive", "valueExchange.weGive")}
        suggestions={VALUE_SUGGESTIONS.weGive}
      />
      <ListField
        label={state.partnerName.trim() ? `What ${state.partnerName.trim()} gives` : "What the partner gives"}
        itemName="contribution"
        {...bind("partnerGives", "valueExchange.partnerGives")}
        suggestions={VALUE_SUGGESTIONS.partnerGives}
      />
      <Field label={`Is the exchange balanced? ${BALANCE_QUESTION}`} {...messages.field("valueExchange.balanced")}>
        <RadioGroup
          layout="horizontal"
          value={v.balanced}
          onChange={(_, data) => set({ balanced: data.value as CharterDraft["valueExchange"]["balanced"] })}
        >
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No" />
          <Radio value="unsure" label="Not sure yet" />
        </RadioGroup>
      </Field>
      <TextField
        label="Note on the balance"
        hint={v.balanced === "no" ? "What would balance it?" : "Optional."}
        {...bind("note", "valueExchange.note")}
      />
    </div>
  );
}
