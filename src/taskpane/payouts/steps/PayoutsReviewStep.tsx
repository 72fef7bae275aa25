import { Body1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { NewSheetFields } from "../../wizard/NewSheetFields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { toPayoutsModelInput, type PayoutsDraft } from "../draft";

export function PayoutsReviewStep({ state, update, messages, host }: StepProps<PayoutsDraft>) {
  const styles = useStepStyles();
  const model = useMemo(() => toPayoutsModelInput(state), [state]);
  const count = model.transactions.length;
  const partners = new Set(model.transactions.map((t) => t.partner.toLowerCase())).size;
  const cap = state.cap.trim() === "" ? "no cap" : `a cap of ${state.cap} (${state.carry ? "carried" : "forfeited"})`;
  return (
    <div className={styles.stack}>
      <Body1>
        The payout book goes on a new sheet: the plan as named inputs, a summary by partner and period, a printable statement and
        the ledger. Nothing already in the workbook is changed.
      </Body1>
      <NewSheetFields state={state} update={update} messages={messages} host={host} chartLabel="Add a chart of paid by period" />
      <dl className={styles.dl} aria-label="What will be written">
        <dt className={styles.dt}>Ledger</dt>
        <dd className={styles.dd}>
          {count.toLocaleString("en")} transactions of {partners.toLocaleString("en")} partners
        </dd>
        <dt className={styles.dt}>Tiers</dt>
        <dd className={styles.dd}>
          {state.tiers.map((t) => `${t.rate}% from ${t.from}`).join(", ")} ({state.method})
        </dd>
        <dt className={styles.dt}>Periods</dt>
        <dd className={styles.dd}>By {state.frequency}</dd>
        <dt className={styles.dt}>Floor and cap</dt>
        <dd className={styles.dd}>
          A floor of {state.floor} ({state.recover ? "a recoverable draw" : "a guarantee"}), {cap}
        </dd>
      </dl>
    </div>
  );
}
