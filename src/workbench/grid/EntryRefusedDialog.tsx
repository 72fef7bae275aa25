import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

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
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="entry-refused-message" data-testid="entry-refused">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id="entry-refused-message">{message}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onRetry}>
              Retry
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
