import { Body1, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from "@fluentui/react-components";
import { PHASE_DELIVERABLE_SUGGESTIONS, PHASE_GUIDANCE, type PhaseId } from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import { DateField, NumberField, TextField } from "../../wizard/fields";
import { fieldBinder, sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

const NAMES: Record<PhaseId, string> = { crawl: "Crawl", walk: "Walk", run: "Run" };

/** Dates, deliverables and metrics: what every phase has. */
function PhaseFields({ id, state, update, messages }: StepProps<CharterDraft> & { id: PhaseId }) {
  const styles = useStepStyles();
  const phase = state.phases[id];
  const set = (change: Partial<CharterDraft["phases"][PhaseId]>) =>
    update((s) => ({ ...s, phases: { ...s.phases, [id]: { ...s.phases[id], ...change } } }));
  const bind = fieldBinder(phase, set, messages);
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{PHASE_GUIDANCE[id]}</MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <DateField
          className={styles.grow}
          label={`${NAMES[id]} starts`}
          hint="Optional"
          {...bind("start", `phases.${id}.start`)}
        />
        <DateField className={styles.grow} label={`${NAMES[id]} ends`} hint="Optional" {...bind("end", `phases.${id}.end`)} />
      </div>
      <ListField
        label={`${NAMES[id]} deliverables`}
        itemName="deliverable"
        {...bind("deliverables", `phases.${id}.deliverables`)}
        suggestions={PHASE_DELIVERABLE_SUGGESTIONS[id]}
      />
      <ListField
        label={`${NAMES[id]} metrics`}
        hint="One per line: what you will measure in this phase."
        itemName="metric"
        {...bind("metrics", `phases.${id}.metrics`)}
      />
    </>
  );
}

export function CrawlStep(props: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const gate = props.state.crawlGate;
  const { bind, set } = sectionBinder(props, "crawlGate");
  return (
    <div className={styles.stack}>
      <PhaseFields id="crawl" {...props} />
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Go / no-go gate</legend>
        <Body1 className={styles.muted}>
          Go on to walk when the pilot improves one stated metric by at least the threshold (the playbook says 20%).
        </Body1>
        <TextField label="Gate metric" hint="E.g. hours to onboard a customer" {...bind("metric", "phases.crawl.gate.metric")} />
        <div className={styles.row}>
          <NumberField
            className={styles.narrow}
            label="Improvement needed"
            hint="Typical 20%"
            suffix="%"
            {...bind("threshold", "phases.crawl.gate.threshold")}
          />
          <Field label="Better when the metric is" className={styles.grow}>
            <RadioGroup
              layout="horizontal"
              value={gate.better}
              onChange={(_, data) => set({ better: data.value as CharterDraft["crawlGate"]["better"] })}
            >
              <Radio value="higher" label="Higher" />
              <Radio value="lower" label="Lower" />
            </RadioGroup>
          </Field>
        </div>
        <Body1 className={styles.muted}>
          Measurements are usually typed into the sheet during the pilot; the gate shows PENDING until both are there.
        </Body1>
        <div className={styles.row}>
          <NumberField className={styles.grow} label="Baseline (optional)" {...bind("baseline", "phases.crawl.gate.baseline")} />
          <NumberField className={styles.grow} label="Pilot result (optional)" {...bind("pilot", "phases.crawl.gate.pilot")} />
        </div>
      </fieldset>
    </div>
  );
}

export function WalkStep(props: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const { bind } = sectionBinder(props, "walkGate");
  return (
    <div className={styles.stack}>
      <PhaseFields id="walk" {...props} />
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Go / no-go gate</legend>
        <Body1 className={styles.muted}>
          Go on to run when at least the threshold of the invited customers adopt (the playbook says 70%).
        </Body1>
        <NumberField
          className={styles.narrow}
          label="Adoption needed"
          hint="Typical 70%"
          suffix="%"
          {...bind("threshold", "phases.walk.gate.threshold")}
        />
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Customers invited (optional)"
            {...bind("invited", "phases.walk.gate.invited")}
          />
          <NumberField
            className={styles.grow}
            label="Customers adopted (optional)"
            {...bind("adopted", "phases.walk.gate.adopted")}
          />
        </div>
      </fieldset>
    </div>
  );
}

export function RunStep(props: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <PhaseFields id="run" {...props} />
      <Body1 className={styles.muted}>
        The sheet shows run as GO only when both gates are GO; the ROI model must also hold at scale.
      </Body1>
    </div>
  );
}
