import { Body1, Field, Select } from "@fluentui/react-components";
import {
  CADENCE_LABELS,
  CADENCES,
  METRIC_SUGGESTIONS,
  TRACKING_SUGGESTIONS,
  type Cadence,
} from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import { sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

type Forum = keyof CharterDraft["measurement"]["cadence"];
const FORUMS: { key: Forum; label: string; hint: string }[] = [
  { key: "workingTeam", label: "Working team meets", hint: "Typically weekly or every two weeks" },
  { key: "steering", label: "Steering committee meets", hint: "Typically monthly" },
  { key: "executive", label: "Executive business review", hint: "Typically quarterly" },
];

export function MeasurementStep(props: StepProps<CharterDraft>) {
  const { state, messages } = props;
  const styles = useStepStyles();
  const m = state.measurement;
  const { bind, set } = sectionBinder(props, "measurement");
  return (
    <div className={styles.stack}>
      <Body1>How both sides will know the partnership works, and how often they look.</Body1>
      <ListField
        label="Metrics for success"
        itemName="metric"
        {...bind("metrics", "measurement.metrics")}
        suggestions={METRIC_SUGGESTIONS}
      />
      <ListField
        label="How we track them"
        itemName="way of tracking"
        {...bind("tracking", "measurement.tracking")}
        suggestions={TRACKING_SUGGESTIONS}
      />
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Review cadence</legend>
        <div className={styles.row}>
          {FORUMS.map((forum) => (
            <Field
              key={forum.key}
              className={styles.grow}
              label={forum.label}
              hint={forum.hint}
              {...messages.field(`measurement.cadence.${forum.key}`)}
            >
              <Select
                value={m.cadence[forum.key]}
                onChange={(_, data) => set({ cadence: { ...m.cadence, [forum.key]: data.value as Cadence } })}
              >
                {CADENCES.map((cadence) => (
                  <option key={cadence} value={cadence}>
                    {CADENCE_LABELS[cadence]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
