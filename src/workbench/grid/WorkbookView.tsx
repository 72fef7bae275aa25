/** The live workbook: formula bar, the active sheet's grid, and the sheet tabs. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { CellRef } from "../../workbook/a1";
import { FormulaBar } from "./FormulaBar";
import { SheetGrid } from "./SheetGrid";
import { SheetTabs } from "./SheetTabs";
import type { WorkbookStore } from "./workbook-store";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  gridArea: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: 0 },
});

export function WorkbookView({ store }: { store: WorkbookStore }) {
  const styles = useStyles();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [reveal, setReveal] = useState<{ cell: CellRef; token: number }>();
  const gridArea = useRef<HTMLDivElement>(null);
  const { plans, typedFormats } = store;
  // Formats change only when a plan is written or undone, typing gives a cell a format, or another sheet is shown.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- plans and typedFormats are the store's versions, which formatsOf reads
  const formats = useMemo(() => store.formatsOf(snapshot.activeSheet), [store, snapshot.activeSheet, plans, typedFormats]);
  const focusGrid = useCallback(() => gridArea.current?.querySelector<HTMLElement>('[role="grid"]')?.focus(), []);

  return (
    <div className={styles.root}>
      <FormulaBar
        store={store}
        snapshot={snapshot}
        onNavigate={(cell) => setReveal((r) => ({ cell, token: (r?.token ?? 0) + 1 }))}
        onDone={focusGrid}
      />
      <div className={styles.gridArea} ref={gridArea}>
        <SheetGrid key={snapshot.activeSheet} store={store} snapshot={snapshot} formats={formats} revealRequest={reveal} />
      </div>
      <SheetTabs
        names={snapshot.sheetNames}
        active={snapshot.activeSheet}
        onSelect={(name) => store.activateSheet(name)}
        onRename={(from, to) => store.renameSheet(from, to)}
        onDelete={(name) => store.deleteSheet(name)}
      />
    </div>
  );
}
