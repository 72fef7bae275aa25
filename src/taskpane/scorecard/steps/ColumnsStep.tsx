import { Body1, Button, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { mappingDraft, readActualsText, type MappingDraft, type ScorecardDraft } from "../draft";

const LONG_FIELDS = [
  ["partner", "Partner"],
  ["period", "Period (quarter)"],
  ["target", "Target"],
  ["actual", "Actual"],
] as const;

/** The columns guessed from the headers, for the user to confirm or change. */
export function ColumnsStep({ state, update, messages }: StepProps<ScorecardDraft>) {
  const styles = useStepStyles();
  const read = readActualsText(state);
  const header = read.table?.header ?? [];
  const current: MappingDraft | undefined = state.mapping ?? (read.mapping ? mappingDraft(read.mapping) : undefined);
  if (!read.table || !current) {
    return <Body1>{read.problem ?? "Paste the targets and actuals first (previous step)."}</Body1>;
  }
  const set = (change: Partial<MappingDraft>) => update((s) => ({ ...s, mapping: { ...current, ...change } }));
  const column = (field: "partner" | "period" | "target" | "actual", label: string) => (
    <Field key={field} label={label} className={styles.grow} {...messages.field(`mapping.${field}`)}>
      <Select value={String(current[field])} onChange={(_, data) => set({ [field]: Number(data.value) })}>
        {header.map((title, i) => (
          <option key={i} value={i}>
            {title || `Column ${i + 1}`}
          </option>
        ))}
      </Select>
    </Field>
  );
  const data = read.data;
  return (
    <div className={styles.stack}>
      <Body1>These columns were guessed from the header row. Check them before going on.</Body1>
      <RadioGroup
        aria-label="Layout of the data"
        value={current.layout}
        onChange={(_, data) =>
          set(
            data.value === "long"
              ? {
                  layout: "long",
                  period: Math.max(0, current.period),
                  target: Math.max(0, current.target),
                  actual: Math.max(0, current.actual),
                }
              : { layout: "wide" },
          )
        }
      >
        <Radio value="long" label="Long form: one row per partner and quarter" />
        <Radio value="wide" label="Wide form: one row per partner, a target and an actual column per quarter" />
      </RadioGroup>
      <div className={styles.row}>
        {current.layout === "long" ? LONG_FIELDS.map(([field, label]) => column(field, label)) : column("partner", "Partner")}
      </div>
      {read.mapping?.layout === "wide" ? (
        <Body1>Quarters found: {read.mapping.quarters.map((q) => q.period).join(", ")}.</Body1>
      ) : null}
      {read.problem ? <Body1 role="alert">{read.problem}</Body1> : null}
      {data ? (
        <Body1 role="status">
          {data.partners.length} partners × {data.periods.length} quarters; first: {data.partners[0]?.name}, {data.periods[0]}{" "}
          target {data.partners[0]?.targets[0] ?? "blank"}, actual {data.partners[0]?.actuals[0] ?? "blank"}.
        </Body1>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={() => update((s) => ({ ...s, mapping: null }))} disabled={state.mapping === null}>
          Use the guess again
        </Button>
      </div>
    </div>
  );
}
