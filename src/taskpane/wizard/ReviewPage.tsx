import { Body1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { NewSheetFields } from "./NewSheetFields";
import { useStepStyles } from "./step-styles";
import { SummaryList } from "./SummaryList";
import type { StepProps } from "./types";

/**
 * Every wizard's last step the same way: where the result goes, the new sheet's name (and chart),
 * the list of what will be written, then whatever the wizard adds (a preview, a note).
 */
export function ReviewPage<S extends { sheetName: string; chart?: boolean }>({
  intro,
  chartLabel,
  rows,
  children,
  ...step
}: StepProps<S> & { intro: ReactNode; chartLabel?: string; rows: [string, string][]; children?: ReactNode }) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Body1>{intro}</Body1>
      <NewSheetFields {...step} chartLabel={chartLabel} />
      {rows.length > 0 ? <SummaryList rows={rows} /> : null}
      {children}
    </div>
  );
}
