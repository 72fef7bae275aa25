import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useMemo } from "react";
import { CADENCE_LABELS } from "../../../workbook/models/charter/defaults";
import { useStepStyles } from "../../wizard/step-styles";
import { ReviewPage } from "../../wizard/ReviewPage";
import type { StepProps } from "../../wizard/types";
import { BLANK_LINE_PREFIX } from "../check";
import { itemsOf, type CharterDraft } from "../draft";

function count(text: string, one: string, many = `${one}s`): string {
  const n = itemsOf(text).length;
  return n === 0 ? "none yet" : `${n} ${n === 1 ? one : many}`;
}

function dates(phase: CharterDraft["phases"]["crawl"]): string {
  if (!phase.start && !phase.end) return "dates to be set";
  return `${phase.start || "?"} to ${phase.end || "?"}`;
}

export function CharterReviewStep(props: StepProps<CharterDraft>) {
  const { state, messages } = props;
  const styles = useStepStyles();
  const blanks = messages.under(BLANK_LINE_PREFIX).warnings;
  const rows = useMemo((): [string, string][] => {
    const c = state.measurement.cadence;
    return [
      ["Parties", `${state.ourName.trim() || "(us)"} and ${state.partnerName.trim() || "(the partner)"}`],
      [
        "Goals",
        `${itemsOf(state.goals.us).length} for us, ${itemsOf(state.goals.partner).length} for the partner, ${itemsOf(state.goals.customers).length} for customers`,
      ],
      [
        "Value exchange",
        `balanced: ${state.valueExchange.balanced === "unsure" ? "not sure yet" : state.valueExchange.balanced}`,
      ],
      ["Crawl", `${dates(state.phases.crawl)}; go at ${state.crawlGate.threshold.trim()}% improvement`],
      ["Walk", `${dates(state.phases.walk)}; go at ${state.walkGate.threshold.trim()}% adoption`],
      ["Run", dates(state.phases.run)],
      [
        "Reviews",
        `working team ${CADENCE_LABELS[c.workingTeam].toLowerCase()}, steering ${CADENCE_LABELS[c.steering].toLowerCase()}, executive ${CADENCE_LABELS[c.executive].toLowerCase()}`,
      ],
      ["Exit criteria", count(state.exitCriteria, "criterion", "criteria")],
    ];
  }, [state]);
  return (
    <ReviewPage
      {...props}
      intro="The charter goes on a new sheet, set up to print one page wide; nothing already in the workbook is changed. Everything you typed is written as text."
      rows={rows}
    >
      {blanks.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="blank-lines">
          <MessageBarBody>
            <MessageBarTitle>Printed as blank lines to fill in by hand</MessageBarTitle>
            <ul className={styles.list}>
              {blanks.map((m) => (
                <li key={m.field}>{m.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </ReviewPage>
  );
}
