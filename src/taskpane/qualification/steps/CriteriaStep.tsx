import { Body1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { Actions } from "../../wizard/form";
import { ListEditor } from "../../wizard/ListEditor";
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

function Guidance({ points }: { points: string[] }) {
  const styles = useStepStyles();
  return (
    <>
      What to look for:
      <ul className={styles.guidance}>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </>
  );
}

const guidanceOf = (points: string[]) => (points.length > 0 ? <Guidance points={points} /> : undefined);

export function CriteriaStep({ state, update, messages }: StepProps<QualificationDraft>) {
  const styles = useStepStyles();
  const total = totalWeight(state);
  const weights = messages.field("weights");
  const criteriaMessage = messages.field("criteria");

  return (
    <div className={styles.stack}>
      <Body1>
        Each partner is rated on these criteria; a criterion counts in proportion to its weight. Keep them, or rename and reweigh
        them.
      </Body1>
      <ListEditor
        items={state.criteria}
        onChange={(criteria) => update((s) => ({ ...s, criteria }))}
        messages={messages}
        path="criteria"
        listField={null}
        legend={(i) => `Criterion ${i + 1}`}
        fields={(_, criterion) => [
          [
            { key: "name", path: "name", label: "Name", kind: "text", hint: guidanceOf(criterion.guidance) },
            { key: "weight", path: "weight", label: "Weight", suffix: "%", width: "narrow" },
          ],
        ]}
      />
      <Body1 data-testid="weight-total">Total weight: {total === undefined ? "—" : `${+total.toFixed(6)}%`}</Body1>
      {[weights, criteriaMessage]
        .filter((m) => m.validationMessage)
        .map((m, i) => (
          <MessageBar key={i} intent={m.validationState === "error" ? "error" : "warning"} data-testid="weights-message">
            <MessageBarBody>{m.validationMessage}</MessageBarBody>
          </MessageBar>
        ))}
      <Actions
        buttons={[
          { text: "Restore the framework's criteria", onClick: () => update((s) => ({ ...s, criteria: defaultCriteria() })) },
        ]}
      />
    </div>
  );
}
