import { Body1, Button } from "@fluentui/react-components";
import { MAX_KPIS } from "../../../workbook/models/scorecard/input";
import { NumberField, TextAreaField, TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { ScorecardDraft } from "../draft";
import { MessageList } from "./MessageList";

export function ContractsStep({ state, update, messages }: StepProps<ScorecardDraft>) {
  const styles = useStepStyles();
  const setKpi = (index: number, change: Partial<ScorecardDraft["kpis"][number]>) =>
    update((s) => ({ ...s, kpis: s.kpis.map((k, i) => (i === index ? { ...k, ...change } : k)) }));
  const kpiColumns = state.kpis.map((k) => k.name.trim()).filter(Boolean);
  return (
    <div className={styles.stack}>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Further KPIs in the health score</legend>
        <Body1 className={styles.muted}>
          Health is a weighted score from 0 to 100 of revenue attainment (recent quarters) and these KPIs, each actual ÷ target.
        </Body1>
        <NumberField
          className={styles.medium}
          label="Revenue weight"
          value={state.revenueWeight}
          onChange={(revenueWeight) => update((s) => ({ ...s, revenueWeight }))}
          validation={messages.field("revenueWeight")}
        />
        {state.kpis.map((kpi, index) => (
          <div key={index} className={styles.row}>
            <TextField
              className={styles.grow}
              label={`KPI ${index + 1} name`}
              value={kpi.name}
              onChange={(name) => setKpi(index, { name })}
              validation={messages.field(`kpis.${index}.name`)}
            />
            <NumberField
              className={styles.narrow}
              label="Weight"
              value={kpi.weight}
              onChange={(weight) => setKpi(index, { weight })}
              validation={messages.field(`kpis.${index}.weight`)}
            />
            <NumberField
              className={styles.narrow}
              label="Target"
              value={kpi.target}
              onChange={(target) => setKpi(index, { target })}
              validation={messages.field(`kpis.${index}.target`)}
            />
            <Button
              size="small"
              onClick={() => update((s) => ({ ...s, kpis: s.kpis.filter((_, i) => i !== index) }))}
              aria-label={`Remove KPI ${index + 1} (${kpi.name || "no name"})`}
            >
              Remove
            </Button>
          </div>
        ))}
        <div className={styles.actions}>
          <Button
            disabled={state.kpis.length >= MAX_KPIS}
            onClick={() => update((s) => ({ ...s, kpis: [...s.kpis, { name: "", weight: "25", target: "" }] }))}
          >
            Add a KPI
          </Button>
        </div>
      </fieldset>
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
