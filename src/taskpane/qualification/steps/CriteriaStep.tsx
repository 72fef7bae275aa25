import { Body1, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { NumberField, TextField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import { defaultCriteria, parseDraftNumber, type QualificationDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";

function totalWeight(state: QualificationDraft): number | undefined {
  let total = 0;
  for (const c of state.criteria) {
    const value = parseDraftNumber(c.weight, true);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

export function CriteriaStep({ state, update, messages }: StepProps<QualificationDraft>) {
  const styles = useStepStyles();
  const setCriterion = (index: number, change: Partial<QualificationDraft["criteria"][number]>) =>
    update((s) => ({ ...s, criteria: s.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) }));
  const total = totalWeight(state);
  const weights = messages.field("weights");
  const criteriaMessage = messages.field("criteria");

  return (
    <div className={styles.stack}>
      <Body1>
        Each partner is rated on these criteria; a criterion counts in proportion to its weight. Keep them, or rename and reweigh
        them.
      </Body1>
      {state.criteria.map((criterion, index) => (
        <fieldset key={index} className={styles.card}>
          <legend className={styles.legend}>Criterion {index + 1}</legend>
          <div className={styles.row}>
            <TextField
              className={styles.grow}
              label="Name"
              value={criterion.name}
              onChange={(name) => setCriterion(index, { name })}
              validation={messages.field(`criteria.${index}.name`)}
              hint={
                criterion.guidance.length > 0 ? (
                  <>
                    What to look for:
                    <ul className={styles.guidance}>
                      {criterion.guidance.map((point) => (
                        <li key={point}>{point}</li>
                      ))}
                    </ul>
                  </>
                ) : undefined
              }
            />
            <NumberField
              className={styles.narrow}
              label="Weight"
              suffix="%"
              value={criterion.weight}
              onChange={(weight) => setCriterion(index, { weight })}
              validation={messages.field(`criteria.${index}.weight`)}
            />
          </div>
        </fieldset>
      ))}
      <Body1 data-testid="weight-total">Total weight: {total === undefined ? "—" : `${+total.toFixed(6)}%`}</Body1>
      {[weights, criteriaMessage]
        .filter((m) => m.validationMessage)
        .map((m, i) => (
          <MessageBar key={i} intent={m.validationState === "error" ? "error" : "warning"} data-testid="weights-message">
            <MessageBarBody>{m.validationMessage}</MessageBarBody>
          </MessageBar>
        ))}
      <div className={styles.actions}>
        <Button onClick={() => update((s) => ({ ...s, criteria: defaultCriteria() }))}>
          Restore the framework&apos;s criteria
        </Button>
      </div>
    </div>
  );
}
