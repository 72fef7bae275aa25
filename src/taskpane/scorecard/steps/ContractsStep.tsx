import { MAX_KPIS } from "../../../workbook/models/scorecard/input";
import { stateBinder } from "../../wizard/bind";
import { TextAreaField } from "../../wizard/fields";
import { Fields, Section, type FieldLayout } from "../../wizard/form";
import { ListEditor } from "../../wizard/ListEditor";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { ScorecardDraft } from "../draft";
import { MessageList } from "./MessageList";

const REVENUE_WEIGHT: FieldLayout<ScorecardDraft>[] = [
  { key: "revenueWeight", path: "revenueWeight", label: "Revenue weight", width: "medium" },
];

export function ContractsStep(props: StepProps<ScorecardDraft>) {
  const { state, update, messages } = props;
  const styles = useStepStyles();
  const kpiColumns = state.kpis.map((k) => k.name.trim()).filter(Boolean);
  return (
    <div className={styles.stack}>
      <Section
        legend="Further KPIs in the health score"
        note="Health is a weighted score from 0 to 100 of revenue attainment (recent quarters) and these KPIs, each actual ÷ target."
      >
        <Fields bind={stateBinder(props)} fields={REVENUE_WEIGHT} />
        <ListEditor
          items={state.kpis}
          onChange={(kpis) => update((s) => ({ ...s, kpis }))}
          messages={messages}
          path="kpis"
          groupLabel={(i) => `KPI ${i + 1}`}
          fields={(i) => [
            [
              { key: "name", path: "name", label: `KPI ${i + 1} name`, kind: "text" },
              { key: "weight", path: "weight", label: "Weight", width: "narrow" },
              { key: "target", path: "target", label: "Target", width: "narrow" },
            ],
          ]}
          removeEach={{ min: 0, ariaLabel: (i, kpi) => `Remove KPI ${i + 1} (${kpi.name || "no name"})` }}
          add={{ text: "Add a KPI", item: () => ({ name: "", weight: "25", target: "" }), max: MAX_KPIS }}
        />
      </Section>
      <TextAreaField
        label="Contracts (optional)"
        hint={`Header row first, one row per partner: partner, start (YYYY-MM-DD), initial term (years), renewal term (years, 0 = none), notice (days)${kpiColumns.length > 0 ? `, ${kpiColumns.join(", ")}` : ""}.`}
        value={state.contractsText}
        onChange={(contractsText) => update((s) => ({ ...s, contractsText }))}
        validation={messages.field("contractsText")}
        rows={8}
      />
      <MessageList messages={messages} prefixes={["partners."]} />
    </div>
  );
}
