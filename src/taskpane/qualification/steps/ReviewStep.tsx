import { Body1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { NewSheetFields } from "../../wizard/NewSheetFields";
import type { StepProps } from "../../wizard/types";
import { parseDraftNumber, toModelInput, type QualificationDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";

export function ReviewStep({ state, update, messages, host }: StepProps<QualificationDraft>) {
  const styles = useStepStyles();
  const model = useMemo(() => toModelInput(state), [state]);
  const partners = model.input.partners ?? [];
  const sortedTiers = [...state.tiers].sort(
    (a, b) => (parseDraftNumber(b.threshold) ?? 0) - (parseDraftNumber(a.threshold) ?? 0),
  );
  return (
    <div className={styles.stack}>
      <Body1>The matrix goes on a new sheet; nothing already in the workbook is changed.</Body1>
      <NewSheetFields
        state={state}
        update={update}
        messages={messages}
        host={host}
        chartLabel="Add a chart of partners by tier"
      />
      <dl className={styles.dl} aria-label="What will be written">
        <dt>Partners</dt>
        <dd className={styles.dd}>
          {state.source === "blank"
            ? `${partners.length.toLocaleString("en")} blank rows`
            : `${partners.length.toLocaleString("en")} from ${state.source === "selection" ? "the selection" : "the pasted list"}`}
        </dd>
        <dt>Criteria</dt>
        <dd className={styles.dd}>{state.criteria.map((c) => `${c.name} ${c.weight.trim()}%`).join(", ")}</dd>
        <dt>Ratings</dt>
        <dd className={styles.dd}>0 to {state.scale.trim()}</dd>
        <dt>Tiers</dt>
        <dd className={styles.dd}>
          {sortedTiers.map((t) => `${t.label} from ${t.threshold.trim()}`).join(", ")}
          {state.belowLabel.trim() ? `, ${state.belowLabel.trim()} below` : ""}
        </dd>
      </dl>
    </div>
  );
}
