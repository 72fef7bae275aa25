import { Body1 } from "@fluentui/react-components";
import { useStepStyles } from "../../wizard/step-styles";
import { TextField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";

type Side = keyof CharterDraft["signatories"];

export function SignatoriesStep({ state, update, messages }: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const set = (side: Side, change: Partial<CharterDraft["signatories"][Side]>) =>
    update((s) => ({ ...s, signatories: { ...s.signatories, [side]: { ...s.signatories[side], ...change } } }));
  const sides: { side: Side; legend: string }[] = [
    { side: "us", legend: `For ${state.ourName.trim() || "us"}` },
    { side: "partner", legend: `For ${state.partnerName.trim() || "the partner"}` },
  ];
  return (
    <div className={styles.stack}>
      <Body1>Who signs. The sheet ends with a signature and date line for each; leave a name blank to write it by hand.</Body1>
      {sides.map(({ side, legend }) => (
        <fieldset key={side} className={styles.card}>
          <legend className={styles.legend}>{legend}</legend>
          <div className={styles.row}>
            <TextField
              className={styles.grow}
              label="Name"
              value={state.signatories[side].name}
              onChange={(name) => set(side, { name })}
              validation={messages.field(`signatories.${side}.name`)}
            />
            <TextField
              className={styles.grow}
              label="Title"
              value={state.signatories[side].title}
              onChange={(title) => set(side, { title })}
              validation={messages.field(`signatories.${side}.title`)}
            />
          </div>
        </fieldset>
      ))}
    </div>
  );
}
