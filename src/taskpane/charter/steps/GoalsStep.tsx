import { Body1 } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import { TextField } from "../../wizard/fields";
import { fieldBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

export function GoalsStep({ state, update, messages }: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const setGoals = (change: Partial<CharterDraft["goals"]>) => update((s) => ({ ...s, goals: { ...s.goals, ...change } }));
  const bind = fieldBinder(state.goals, setGoals, messages);
  const ours = state.ourName.trim() || "us";
  const theirs = state.partnerName.trim() || "the partner";
  return (
    <div className={styles.stack}>
      <Body1>A charter both sides can sign starts with what each of them, and their customers, get out of the partnership.</Body1>
      <div className={styles.row}>
        <TextField
          className={styles.grow}
          label="Our company"
          value={state.ourName}
          onChange={(ourName) => update((s) => ({ ...s, ourName }))}
          validation={messages.field("ourName")}
        />
        <TextField
          className={styles.grow}
          label="Partner"
          value={state.partnerName}
          onChange={(partnerName) => update((s) => ({ ...s, partnerName }))}
          validation={messages.field("partnerName")}
        />
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
