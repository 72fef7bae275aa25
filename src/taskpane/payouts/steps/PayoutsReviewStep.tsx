import { useMemo } from "react";
import { ReviewPage } from "../../wizard/ReviewPage";
import type { StepProps } from "../../wizard/types";
import { toPayoutsModelInput, type PayoutsDraft } from "../draft";

export function PayoutsReviewStep(props: StepProps<PayoutsDraft>) {
  const { state } = props;
  const model = useMemo(() => toPayoutsModelInput(state), [state]);
  const count = model.transactions.length;
  const partners = new Set(model.transactions.map((t) => t.partner.toLowerCase())).size;
  const cap = state.cap.trim() === "" ? "no cap" : `a cap of ${state.cap} (${state.carry ? "carried" : "forfeited"})`;
  return (
    <ReviewPage
      {...props}
      intro="The payout book goes on a new sheet: the plan as named inputs, a summary by partner and period, a printable statement and the ledger. Nothing already in the workbook is changed."
      chartLabel="Add a chart of paid by period"
      rows={[
        ["Ledger", `${count.toLocaleString("en")} transactions of ${partners.toLocaleString("en")} partners`],
        ["Tiers", `${state.tiers.map((t) => `${t.rate}% from ${t.from}`).join(", ")} (${state.method})`],
        ["Periods", `By ${state.frequency}`],
        ["Floor and cap", `A floor of ${state.floor} (${state.recover ? "a recoverable draw" : "a guarantee"}), ${cap}`],
      ]}
    />
  );
}
