import { Body1 } from "@fluentui/react-components";
import { TextAreaField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { readActualsText, type ScorecardDraft } from "../draft";
import { MessageList } from "./MessageList";

export function DataStep({ state, update, messages }: StepProps<ScorecardDraft>) {
  const styles = useStepStyles();
  const read = readActualsText(state);
  const data = "data" in read ? read.data : undefined;
  return (
    <div className={styles.stack}>
      <Body1>
        Paste each partner&apos;s revenue target and actual per quarter, header row first: copied from Excel or as CSV. Long form
        has one row per partner and quarter (partner, period, target, actual); wide form one row per partner with a target and an
        actual column per quarter (&quot;2025-Q1 target&quot;, &quot;2025-Q1 actual&quot;…). Leave a quarter&apos;s actual blank
        until it is reported.
      </Body1>
      <TextAreaField
        label="Targets and actuals"
        value={state.actualsText}
        onChange={(actualsText) => update((s) => ({ ...s, actualsText, mapping: null }))}
        validation={messages.field("actualsText")}
        rows={10}
      />
      {data ? (
        <Body1 role="status">
          Read {data.partners.length} partner{data.partners.length === 1 ? "" : "s"} × {data.periods.length} quarter
          {data.periods.length === 1 ? "" : "s"} ({data.periods[0]} to {data.periods[data.periods.length - 1]}).
        </Body1>
      ) : null}
      <MessageList messages={messages} prefixes={["periods", "partners."]} />
    </div>
  );
}
