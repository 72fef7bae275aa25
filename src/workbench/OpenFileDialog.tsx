import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

/** Opening a file replaces the workbench's workbook: said before it happens, never silently. */
export function OpenFileDialog({ fileName, onOpen, onCancel }: { fileName: string; onOpen: () => void; onCancel: () => void }) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="open-file-message">
        <DialogBody>
          <DialogTitle>Open “{fileName}”?</DialogTitle>
          <DialogContent id="open-file-message">
            It takes the place of the workbook in the workbench. To keep the current one, cancel and download it first.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onOpen}>
              Open
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
