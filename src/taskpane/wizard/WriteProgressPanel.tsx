import { Field, makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";
import type { WriteProgress } from "../hosts/workbook-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} 0` },
});

/** Shown while a plan is checked and written; a large matrix can take a few seconds in Excel. */
export function WriteProgressPanel({ title, progress }: { title: string; progress?: WriteProgress }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status" aria-live="polite" data-testid="write-progress">
      <Spinner size="small" labelPosition="after" label={title} />
      <Field validationMessage={progress?.message ?? "Checking the workbook"} validationState="none">
        <ProgressBar value={progress?.fraction} max={1} thickness="large" aria-label={title} />
      </Field>
    </div>
  );
}
