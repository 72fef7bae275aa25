import { useMemo } from "react";
import { ReviewPage } from "../../wizard/ReviewPage";
import type { StepProps } from "../../wizard/types";
import { parseDraftNumber, toModelInput, type QualificationDraft } from "../draft";

export function ReviewStep(props: StepProps<QualificationDraft>) {
  const { state } = props;
  const model = useMemo(() => toModelInput(state), [state]);
  const partners = (model.input.partners ?? []).length.toLocaleString("en");
  const sortedTiers = [...state.tiers].sort(
    (a, b) => (parseDraftNumber(b.threshold) ?? 0) - (parseDraftNumber(a.threshold) ?? 0),
  );
  const from = { blank: "", selection: " from the selection", paste: " from the pasted list" }[state.source];
  return (
    <ReviewPage
      {...props}
      intro="The matrix goes on a new sheet; nothing already in the workbook is changed."
      chartLabel="Add a chart of partners by tier"
      rows={[
        ["Partners", state.source === "blank" ? `${partners} blank rows` : `${partners}${from}`],
        ["Criteria", state.criteria.map((c) => `${c.name} ${c.weight.trim()}%`).join(", ")],
        ["Ratings", `0 to ${state.scale.trim()}`],
        [
          "Tiers",
          `${sortedTiers.map((t) => `${t.label} from ${t.threshold.trim()}`).join(", ")}${state.belowLabel.trim() ? `, ${state.belowLabel.trim()} below` : ""}`,
        ],
      ]}
    />
  );
}
