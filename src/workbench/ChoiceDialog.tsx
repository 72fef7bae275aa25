import type { FormEvent, ReactNode } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

/**
 * The workbench's one dialog shape: a title, a message (or a form's fields), a main button and,
 * with `onCancel`, a Cancel button. Closing it (Escape, outside click where allowed) cancels, or
 * confirms when there is nothing to cancel (an OK-only notice).
 */
export function ChoiceDialog({
  title,
  children,
  confirm,
  onConfirm,
  onSubmit,
  onCancel,
  alert = false,
  messageId,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  /** The main button's label. */
  confirm: string;
  onConfirm?: () => void;
  /** Makes the dialog a form: Enter or the main button submits it. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  onCancel?: () => void;
  /** Excel's alert style: the user must choose (no closing by a click outside). */
  alert?: boolean;
  /** Id of the message, which the dialog is described by. */
  messageId?: string;
  testId?: string;
}) {
  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent id={messageId}>{children}</DialogContent>
      <DialogActions>
        <Button appearance="primary" type={onSubmit ? "submit" : "button"} onClick={onSubmit ? undefined : onConfirm}>
          {confirm}
        </Button>
        {onCancel ? <Button onClick={onCancel}>Cancel</Button> : null}
      </DialogActions>
    </DialogBody>
  );
  return (
    <Dialog open modalType={alert ? "alert" : undefined} onOpenChange={(_, data) => !data.open && (onCancel ?? onConfirm)?.()}>
      <DialogSurface aria-describedby={messageId} data-testid={testId}>
        {onSubmit ? <form onSubmit={onSubmit}>{body}</form> : body}
      </DialogSurface>
    </Dialog>
  );
}
