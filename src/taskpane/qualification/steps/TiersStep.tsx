import { Body1, Button } from "@fluentui/react-components";
import { MAX_TIERS } from "../../../workbook/models/qualification/input";
import { NumberField, TextField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import type { QualificationDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";
import { stateBinder } from "../../wizard/bind";

export function TiersStep({ state, update, messages }: StepProps<QualificationDraft>) {
  const bindTop = stateBinder({ state, update, messages });
  const styles = useStepStyles();
  const setTier = (index: number, change: Partial<QualificationDraft["tiers"][number]>) =>
    update((s) => ({ ...s, tiers: s.tiers.map((t, i) => (i === index ? { ...t, ...change } : t)) }));
  const removeTier = (index: number) => update((s) => ({ ...s, tiers: s.tiers.filter((_, i) => i !== index) }));
  const addTier = () => update((s) => ({ ...s, tiers: [...s.tiers, { threshold: "", label: `Tier ${s.tiers.length + 1}` }] }));
  const tiersMessage = messages.field("tiers");

  return (
    <div className={styles.stack}>
      <Body1>A partner is in the highest tier whose starting score it reaches (scores run 0 to 100).</Body1>
      {state.tiers.map((tier, index) => (
        <fieldset key={index} className={styles.card}>
          <legend className={styles.legend}>Tier {index + 1}</legend>
          <div className={styles.row}>
            <NumberField
              className={styles.narrow}
              label="Starts at score"
              value={tier.threshold}
              onChange={(threshold) => setTier(index, { threshold })}
              validation={messages.field(`tiers.${index}.threshold`)}
            />
            <TextField
              className={styles.grow}
              label="Label"
              value={tier.label}
              onChange={(label) => setTier(index, { label })}
              validation={messages.field(`tiers.${index}.label`)}
            />
          </div>
          {state.tiers.length > 1 ? (
            <div className={styles.actions}>
              <Button
                size="small"
                onClick={() => removeTier(index)}
                aria-label={`Remove tier ${index + 1} (${tier.label || "no label"})`}
              >
                Remove
              </Button>
            </div>
          ) : null}
        </fieldset>
      ))}
      {tiersMessage.validationMessage ? <Body1 role="alert">{tiersMessage.validationMessage}</Body1> : null}
      <div className={styles.actions}>
        <Button onClick={addTier} disabled={state.tiers.length >= MAX_TIERS}>
          Add a tier
        </Button>
      </div>
      <TextField
        label="Label below the lowest tier"
        hint="Leave it empty to show #N/A for those partners."
        {...bindTop("belowLabel", "belowLabel")}
      />
    </div>
  );
}
