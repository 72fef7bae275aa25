import { Body1 } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import { TextField } from "../../wizard/fields";
import { fieldBinder, sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

export function GoalsStep(props: StepProps<CharterDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  const { bind } = sectionBinder(props, "goals");
  const bindName = fieldBinder(state, (change) => update((s) => ({ ...s, ...change })), messages);
  const ours = state.ourName.trim() || "us";
  const theirs = state.partnerName.trim() || "the partner";
  return (
    <div className={styles.stack}>
      <Body1>A charter both sides can sign starts with what each of them, and their customers, get out of the partnership.</Body1>
      <div className={styles.row}>
        <TextField className={styles.grow} label="Our company" {...bindName("ourName", "ourName")} />
        <TextField className={styles.grow} label="Partner" {...bindName("partnerName", "partnerName")} />
      </div>
      <ListField
        label={`What success looks like for ${ours}`}
        hint="One goal per line, e.g. 50 new customers through the partner in year 1."
        itemName="goal"
        {...bind("us", "goals.us")}
      />
      <ListField
        label={`What success looks like for ${theirs}`}
        hint="One goal per line."
        itemName="goal"
        {...bind("partner", "goals.partner")}
      />
      <ListField
        label="What success looks like for customers"
        hint="One goal per line, e.g. onboarding in days instead of weeks."
        itemName="goal"
        {...bind("customers", "goals.customers")}
      />
    </div>
  );
}
