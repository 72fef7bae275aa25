import { Body1 } from "@fluentui/react-components";
import { fieldBinder } from "../../wizard/bind";
import { Fields, Section } from "../../wizard/form";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { CharterDraft } from "../draft";

type Side = keyof CharterDraft["signatories"];

export function SignatoriesStep({ state, update, messages }: StepProps<CharterDraft>) {
  const styles = useStepStyles();
  const set = (side: Side) => (change: Partial<CharterDraft["signatories"][Side]>) =>
    update((s) => ({ ...s, signatories: { ...s.signatories, [side]: { ...s.signatories[side], ...change } } }));
  const sides: { side: Side; legend: string }[] = [
    { side: "us", legend: `For ${state.ourName.trim() || "us"}` },
    { side: "partner", legend: `For ${state.partnerName.trim() || "the partner"}` },
  ];
  return (
    <div className={styles.stack}>
      <Body1>Who signs. The sheet ends with a signature and date line for each; leave a name blank to write it by hand.</Body1>
      {sides.map(({ side, legend }) => (
        <Section key={side} legend={legend}>
          <Fields
            bind={fieldBinder(state.signatories[side], set(side), messages)}
            fields={[
              [
                { key: "name", path: `signatories.${side}.name`, label: "Name", kind: "text" },
                { key: "title", path: `signatories.${side}.title`, label: "Title", kind: "text" },
              ],
            ]}
          />
        </Section>
      ))}
    </div>
  );
}
