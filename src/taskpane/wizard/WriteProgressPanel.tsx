import { Field, makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";
import type { WriteProgress } from "../hosts/workbook-host";
import { LargeWriteProgress } from "./LargeWriteProgress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} 0` },
});

/**
 * Shown while a plan is checked and written; a large matrix can take a few seconds in Excel. A
 * large write that can be stopped shows its steps and a Cancel button instead (LargeWriteProgress).
 */
export function WriteProgressPanel({
  title,
  progress,
  onCancel,
}: {
  title: string;
  progress?: WriteProgress;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  if (onCancel && progress) return <LargeWriteProgress title={title} progress={progress} onCancel={onCancel} />;
  return (
    <div className={styles.root} role="status" aria-live="polite" data-testid="write-progress">
      <Spinner size="small" labelPosition="after" label={title} />
      <Field validationMessage={progress?.message ?? "Checking the workbook"} validationState="none">
        <ProgressBar value={progress?.fraction} max={1} thickness="large" aria-label={title} />
      </Field>
    </div>
  );
}
