import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { ApplySummary } from "../../workbook/appliers/common";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/** What was written, and the action that takes the user to it. */
export function WriteSummary({
  summary,
  seconds,
  extraLines,
  onGoToSheet,
  onBack,
}: {
  summary: ApplySummary;
  seconds: number;
  extraLines: string[];
  onGoToSheet: (name: string) => Promise<void>;
  onBack: () => void;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const [goProblem, setGoProblem] = useState<string>();
  useEffect(() => heading.current?.focus(), []);
  const target = summary.sheets.find((s) => s.created) ?? summary.sheets[0];

  return (
    <section className={styles.root} aria-labelledby="write-summary-heading" data-testid="write-summary">
      <h2 id="write-summary-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        Done
      </h2>
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>The {summary.description} is in the workbook.</MessageBarTitle>
          Written in {seconds < 1 ? "under a second" : `${seconds.toFixed(1)} seconds`}.
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list}>
        {summary.sheets.map((s) => (
          <li key={s.name}>
            <Body1>
              {s.created ? "New sheet" : "Sheet"} “{s.name}”
              {s.created && s.name !== s.planned ? ` (“${s.planned}” was taken)` : ""}
            </Body1>
          </li>
        ))}
        {summary.tables.map((t) => (
          <li key={t.name}>
            <Body1>
              Table {t.name} with {plural(t.rows, "row")} at {t.address}
            </Body1>
          </li>
        ))}
        {summary.names.length > 0 ? (
          <li>
            <Body1>Named inputs: {summary.names.join(", ")}</Body1>
          </li>
        ) : null}
        <li>
          <Body1>
            {plural(summary.cells, "cell")} written, {plural(summary.formulas, "formula")}
          </Body1>
        </li>
        {extraLines.map((line) => (
          <li key={line}>
            <Body1>{line}</Body1>
          </li>
        ))}
      </ul>
      {summary.limitations.length > 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Good to know</MessageBarTitle>
            {summary.limitations.join("; ")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {goProblem ? (
        <MessageBar intent="warning">
          <MessageBarBody>{goProblem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        {target ? (
          <Button
            appearance="primary"
            onClick={() =>
              onGoToSheet(target.name).catch((error: unknown) => setGoProblem(String((error as Error)?.message ?? error)))
            }
          >
            Go to sheet “{target.name}”
          </Button>
        ) : null}
        <Button onClick={onBack}>Back to the inputs</Button>
      </div>
    </section>
  );
}
