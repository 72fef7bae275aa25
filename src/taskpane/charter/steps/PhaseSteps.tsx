import { Body1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { PHASE_DELIVERABLE_SUGGESTIONS, PHASE_GUIDANCE, type PhaseId } from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import { Choice, Fields, Note, Section } from "../../wizard/form";
import { fieldBinder, sectionBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";
import { ListField } from "./ListField";

const NAMES: Record<PhaseId, string> = { crawl: "Crawl", walk: "Walk", run: "Run" };

/** Dates, deliverables and metrics: what every phase has. */
function PhaseFields({ id, state, update, messages }: StepProps<CharterDraft> & { id: PhaseId }) {
  const phase = state.phases[id];
  const set = (change: Partial<CharterDraft["phases"][PhaseId]>) =>
    update((s) => ({ ...s, phases: { ...s.phases, [id]: { ...s.phases[id], ...change } } }));
  const bind = fieldBinder(phase, set, messages);
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{PHASE_GUIDANCE[id]}</MessageBarBody>
      </MessageBar>
      <Fields
        bind={bind}
        fields={[
          [
            { key: "start", path: `phases.${id}.start`, label: `${NAMES[id]} starts`, hint: "Optional", kind: "date" },
            { key: "end", path: `phases.${id}.end`, label: `${NAMES[id]} ends`, hint: "Optional", kind: "date" },
          ],
        ]}
      />
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
      <Section
        legend="Go / no-go gate"
        note="Go on to walk when the pilot improves one stated metric by at least the threshold (the playbook says 20%)."
      >
        <Fields
          bind={bind}
          fields={[
            {
              key: "metric",
              path: "phases.crawl.gate.metric",
              label: "Gate metric",
              hint: "E.g. hours to onboard a customer",
              kind: "text",
            },
          ]}
        />
        <div className={styles.row}>
          <Fields
            bind={bind}
            fields={[
              {
                key: "threshold",
                path: "phases.crawl.gate.threshold",
                label: "Improvement needed",
                hint: "Typical 20%",
                suffix: "%",
                width: "narrow",
              },
            ]}
          />
          <Choice
            label="Better when the metric is"
            className={styles.grow}
            horizontal
            value={gate.better}
            options={[
              ["higher", "Higher"],
              ["lower", "Lower"],
            ]}
            onChange={(better) => set({ better })}
          />
        </div>
        <Note>Measurements are usually typed into the sheet during the pilot; the gate shows PENDING until both are there.</Note>
        <Fields
          bind={bind}
          fields={[
            [
              { key: "baseline", path: "phases.crawl.gate.baseline", label: "Baseline (optional)" },
              { key: "pilot", path: "phases.crawl.gate.pilot", label: "Pilot result (optional)" },
            ],
          ]}
        />
      </Section>
    </div>
  );
}

export function WalkStep(props: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <PhaseFields id="walk" {...props} />
      <Section
        legend="Go / no-go gate"
        note="Go on to run when at least the threshold of the invited customers adopt (the playbook says 70%)."
      >
        <Fields
          bind={sectionBinder(props, "walkGate").bind}
          fields={[
            {
              key: "threshold",
              path: "phases.walk.gate.threshold",
              label: "Adoption needed",
              hint: "Typical 70%",
              suffix: "%",
              width: "narrow",
            },
            [
              { key: "invited", path: "phases.walk.gate.invited", label: "Customers invited (optional)" },
              { key: "adopted", path: "phases.walk.gate.adopted", label: "Customers adopted (optional)" },
            ],
          ]}
        />
      </Section>
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
