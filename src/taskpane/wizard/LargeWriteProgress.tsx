/**
 * A large write's progress and its Cancel: a determinate bar that moves after each sync with
 * Excel, and a button that stops the write before its next sync. What was already written is
 * then removed, so the workbook is as it was (appliers/office-progress.ts). Once pressed, the
 * button stays disabled: the cancel is on its way and cannot be taken back.
 */
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WriteProgress } from "../hosts/workbook-host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} 0` },
  actions: { display: "flex", justifyContent: "flex-end" },
});

export function LargeWriteProgress({
  title,
  progress,
  onCancel,
}: {
  title: string;
  progress: WriteProgress;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [cancelling, setCancelling] = useState(false);
  const message = cancelling ? "Cancelling: the workbook will be put back as it was" : progress.message;
  return (
    <div className={styles.root} data-testid="write-progress">
      <Field label={title} validationMessage={message} validationState="none" role="status" aria-live="polite">
        <ProgressBar value={progress.fraction ?? 0} max={1} thickness="large" aria-label={title} />
      </Field>
      <div className={styles.actions}>
        <Button
          data-testid="write-cancel"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            onCancel();
          }}
        >
          Cancel
        </Button>
      </div>
    </div>
  );
}
