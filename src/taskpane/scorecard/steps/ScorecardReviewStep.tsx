import { Body1, Switch } from "@fluentui/react-components";
import { lastReported, partnerStatus } from "../../../core/streaks";
import { NO_ACTUALS, STATUSES } from "../../../workbook/models/scorecard/defaults";
import { ScorecardInputSchema } from "../../../workbook/models/scorecard/input";
import { TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { toScorecardModelInput, type ScorecardDraft } from "../draft";

/** What will be written, with the statuses as core computes them today. */
export function ScorecardReviewStep({ state, update, messages }: StepProps<ScorecardDraft>) {
  const styles = useStepStyles();
  const parsed = ScorecardInputSchema.safeParse(toScorecardModelInput(state).input);
  const input = parsed.success ? parsed.data : undefined;
  const counts = new Map<string, number>();
  for (const partner of input?.partners ?? []) {
    const periods = partner.actuals.map((actual, q) => ({ actual, target: partner.targets[q] ?? 0 }));
    let status: string = NO_ACTUALS;
    try {
      if (lastReported(periods) >= 0) status = partnerStatus(periods, input!.expandAfter, input!.exitAfter);
    } catch {
      status = "—";
    }
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return (
    <div className={styles.stack}>
      {input ? (
        <dl className={styles.dl}>
          <dt className={styles.dt}>Partners</dt>
          <dd className={styles.dd}>{input.partners.length}</dd>
          <dt className={styles.dt}>Quarters</dt>
          <dd className={styles.dd}>
            {input.periods.length} (+{input.spareQuarters} spare)
          </dd>
          <dt className={styles.dt}>Status today</dt>
          <dd className={styles.dd}>
            {[...STATUSES, NO_ACTUALS]
              .filter((s) => counts.has(s))
              .map((s) => `${s} ${counts.get(s)}`)
              .join(", ") || "—"}
          </dd>
          <dt className={styles.dt}>As of</dt>
          <dd className={styles.dd}>{input.asOf}</dd>
        </dl>
      ) : null}
      <div className={styles.row}>
        <TextField
          className={styles.grow}
          label="Portfolio sheet"
          value={state.sheetName}
          onChange={(sheetName) => update((s) => ({ ...s, sheetName }))}
          validation={messages.field("sheetName")}
        />
        <TextField
          className={styles.grow}
          label="QBR sheet"
          value={state.qbrSheetName}
          onChange={(qbrSheetName) => update((s) => ({ ...s, qbrSheetName }))}
          validation={messages.field("qbrSheetName")}
        />
      </div>
      <Switch
        label="Add a chart of attainment by quarter (Excel only)"
        checked={state.chart}
        onChange={(_, data) => update((s) => ({ ...s, chart: data.checked }))}
      />
      <Body1 className={styles.muted}>
        Writes the portfolio table with named inputs (yellow) and the QBR sheet; nothing existing is overwritten.
      </Body1>
    </div>
  );
}
