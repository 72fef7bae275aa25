import { ChoiceDialog } from "../ChoiceDialog";

/**
 * Excel's Stop alert for a typed entry it will not take (a value the cell's validation refuses,
 * a formula it cannot read): Retry goes back to editing what was typed, Cancel drops it.
 */
export function EntryRefusedDialog({
  title,
  message,
  onRetry,
  onCancel,
}: {
  title: string;
  message: string;
  onRetry: () => void;
  onCancel: () => void;
}) {
  return (
    <ChoiceDialog
      alert
      title={title}
      confirm="Retry"
      onConfirm={onRetry}
      onCancel={onCancel}
      messageId="entry-refused-message"
      testId="entry-refused"
    >
      {message}
    </ChoiceDialog>
  );
}
