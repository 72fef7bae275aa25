import { Body1 } from "@fluentui/react-components";
import { DateField, NumberField, TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { ScorecardDraft } from "../draft";

export function RulesStep({ state, update, messages }: StepProps<ScorecardDraft>) {
  const styles = useStepStyles();
  const set = (change: Partial<ScorecardDraft>) => update((s) => ({ ...s, ...change }));
  const setBand = (index: number, change: Partial<ScorecardDraft["bands"][number]>) =>
    update((s) => ({ ...s, bands: s.bands.map((b, i) => (i === index ? { ...b, ...change } : b)) }));
  return (
    <div className={styles.stack}>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Review rules</legend>
        <DateField
          label="As of"
          hint="Terms in force and renewal windows are read on this date"
          value={state.asOf}
          onChange={(asOf) => set({ asOf })}
          validation={messages.field("asOf")}
        />
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Expand after (quarters on target)"
            value={state.expandAfter}
            onChange={(expandAfter) => set({ expandAfter })}
            validation={messages.field("expandAfter")}
          />
          <NumberField
            className={styles.grow}
            label="Exit review after (quarters below)"
            value={state.exitAfter}
            onChange={(exitAfter) => set({ exitAfter })}
            validation={messages.field("exitAfter")}
          />
          <NumberField
            className={styles.grow}
            label="Renewal review lead (days)"
            hint="Typical 60–90 days before a term ends"
            value={state.renewalLeadDays}
            onChange={(renewalLeadDays) => set({ renewalLeadDays })}
            validation={messages.field("renewalLeadDays")}
          />
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Health bands</legend>
        <Body1 className={styles.muted}>A partner is in the highest band whose starting score its health reaches.</Body1>
        {state.bands.map((band, index) => (
          <div key={index} className={styles.row}>
            <NumberField
              className={styles.narrow}
              label={`Band ${index + 1} from`}
              value={band.from}
              onChange={(from) => setBand(index, { from })}
              validation={messages.field(`healthBands.${index}.from`)}
            />
            <TextField
              className={styles.grow}
              label={`Band ${index + 1} label`}
              value={band.label}
              onChange={(label) => setBand(index, { label })}
              validation={messages.field(`healthBands.${index}.label`)}
            />
          </div>
        ))}
        <TextField
          label="Label below the lowest band"
          value={state.belowBand}
          onChange={(belowBand) => set({ belowBand })}
          validation={messages.field("belowBand")}
        />
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Attainment counted as full marks"
            suffix="%"
            value={state.healthCap}
            onChange={(healthCap) => set({ healthCap })}
            validation={messages.field("healthCap")}
          />
          <NumberField
            className={styles.grow}
            label="Spare quarter columns"
            hint="Empty quarters after the data, for the actuals to come"
            value={state.spareQuarters}
            onChange={(spareQuarters) => set({ spareQuarters })}
            validation={messages.field("spareQuarters")}
          />
        </div>
      </fieldset>
    </div>
  );
}
