import { ChoiceDialog } from "./ChoiceDialog";

/** Opening a file replaces the workbench's workbook: said before it happens, never silently. */
export function OpenFileDialog({ fileName, onOpen, onCancel }: { fileName: string; onOpen: () => void; onCancel: () => void }) {
  return (
    <ChoiceDialog
      alert
      title={`Open “${fileName}”?`}
      confirm="Open"
      onConfirm={onOpen}
      onCancel={onCancel}
      messageId="open-file-message"
    >
      It takes the place of the workbook in the workbench. To keep the current one, cancel and download it first.
    </ChoiceDialog>
  );
}
