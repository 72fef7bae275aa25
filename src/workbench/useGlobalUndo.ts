import { useEffect } from "react";
import type { WorkbookStore } from "./grid/workbook-store";

/** Text boxes keep Ctrl+Z for their own typing, as Excel's formula bar and dialogs do. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/**
 * Ctrl+Z undoes and Ctrl+Y (or Ctrl+Shift+Z) redoes the workbook's last step wherever the focus
 * is — the grid, a sheet tab, a wizard's button after a write — except inside a text box.
 */
export function useGlobalUndo(store: WorkbookStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || editsText(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        store.undo();
      } else if (key === "y" || (key === "z" && event.shiftKey)) {
        event.preventDefault();
        store.redo();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store]);
}
