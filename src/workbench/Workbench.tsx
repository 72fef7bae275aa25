/**
 * The workbench: the real task pane (the same App, over the engine host) beside a live grid of
 * the engine's workbook, a formula box, undo and redo, opening an .xlsx (button or drag and
 * drop) and downloading the workbook as .xlsx. The workbook is kept in the browser's storage
 * (persist/autosave.ts) and comes back when the page is opened again.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import { App } from "../taskpane/App";
import { createEngineHost } from "../taskpane/hosts/engine-host";
import type { ColorScheme } from "../taskpane/theme";
import { FormulaBox } from "./FormulaBox";
import { runFormula } from "./formula-runner";
import { WorkbookView } from "./grid/WorkbookView";
import type { WorkbookStore } from "./grid/workbook-store";
import { OpenFileDialog } from "./OpenFileDialog";
import { Autosave, type SaveState } from "./persist/autosave";
import { saveBlob, workbookToXlsx } from "./xlsx/download";
import { useGlobalUndo } from "./useGlobalUndo";

const PANE_WIDTH = "26rem";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, margin: 0 },
  saveState: { color: tokens.colorNeutralForeground2 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  pane: {
    width: PANE_WIDTH,
    maxWidth: "45vw",
    flexShrink: 0,
    overflowY: "auto",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  views: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  formulaBox: { overflowY: "auto", flexGrow: 1 },
  // In the page's flow and never shrunk, so nothing below can cover it or its Dismiss button.
  notice: { flexShrink: 0, margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, overflowWrap: "anywhere" },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
  hidden: { display: "none" },
});

type View = "workbook" | "formulas";
export type Notice = { intent: "success" | "error" | "info" | "warning"; text: string } | null;

export const XLSX_FILE_NAME = "partner-economics.xlsx";

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  saved: "Saved in this browser",
  pending: "Saving…",
  failed: "Not saved: the browser refused to store the workbook. Download it to keep your work.",
  unavailable: "This browser keeps no copy: download the workbook to keep your work",
};

export function Workbench({
  store,
  generation = 0,
  colorScheme = "light",
  initialNotice = null,
  saveAtOnce = false,
  onOpenFile,
}: {
  store: WorkbookStore;
  /** Counts the workbooks opened in place of the first: the pane and the grid start afresh for each. */
  generation?: number;
  colorScheme?: ColorScheme;
  initialNotice?: Notice;
  /** Store the workbook at once (a file just opened), not only after its first change. */
  saveAtOnce?: boolean;
  /** Opens an .xlsx in place of the current workbook; resolves to the notice to show. */
  onOpenFile: (file: File) => Promise<Notice>;
}) {
  const styles = useStyles();
  const host = useMemo(() => createEngineHost(store.engineWorkbook(), colorScheme), [store, colorScheme]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [paneKey, setPaneKey] = useState(0);
  const [view, setView] = useState<View>("workbook");
  const [notice, setNotice] = useState<Notice>(initialNotice);
  const [downloading, setDownloading] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [pendingFile, setPendingFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const autosave = useMemo(() => new Autosave(store), [store]);
  const [saveState, setSaveState] = useState<SaveState>(autosave.saveState);

  useEffect(() => {
    const stop = autosave.start();
    const unlisten = autosave.onState(setSaveState);
    if (saveAtOnce) autosave.schedule(0);
    return () => {
      stop();
      unlisten();
    };
  }, [autosave, saveAtOnce]);

  useEffect(() => {
    // Only while a change is not stored yet: a stored workbook comes back on reload.
    const warn = (event: BeforeUnloadEvent) => {
      if (!autosave.unsaved) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [autosave]);

  useGlobalUndo(store);

  const download = async () => {
    setDownloading(true);
    try {
      const blob = await workbookToXlsx(
        store.hf,
        store.plans,
        store.settings,
        store.getSnapshot().activeSheet,
        store.typedFormats,
        store.source,
      );
      saveBlob(blob, XLSX_FILE_NAME);
      setNotice({ intent: "success", text: `Downloaded ${XLSX_FILE_NAME}.` });
    } catch (error) {
      setNotice({
        intent: "error",
        text: `The workbook could not be saved as an .xlsx file: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setDownloading(false);
    }
  };

  const open = async (file: File) => {
    setPendingFile(null);
    setNotice(await onOpenFile(file));
  };
  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setNotice({ intent: "error", text: `“${file.name}” is not an .xlsx workbook: open a file saved from Excel as .xlsx.` });
      return;
    }
    setPendingFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropping(false);
    chooseFile(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={dropping ? `${styles.page} ${styles.dropping}` : styles.page}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Partner Economics workbench
        </Title3>
        <Caption1 className={styles.saveState} role="status" data-testid="save-state">
          {SAVE_STATE_TEXT[saveState]}
        </Caption1>
        <Button onClick={() => store.undo()} disabled={!store.canUndo()} title="Undo (Ctrl+Z)" data-version={snapshot.version}>
          Undo
        </Button>
        <Button onClick={() => store.redo()} disabled={!store.canRedo()} title="Redo (Ctrl+Y)">
          Redo
        </Button>
        <Button
          onClick={() => setPaneKey((k) => k + 1)}
          title="Closes and reopens the task pane: the wizard's inputs come back from the workbook's settings"
        >
          Reopen the pane
        </Button>
        <Button onClick={() => fileInput.current?.click()} title="Or drop an .xlsx file on the page">
          Open .xlsx…
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Open an .xlsx workbook"
          data-testid="open-file"
          onChange={(event) => {
            chooseFile(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <Button appearance="primary" onClick={() => void download()} disabled={downloading}>
          Download .xlsx
        </Button>
      </header>
      {notice ? (
        <MessageBar className={styles.notice} intent={notice.intent} layout="multiline" data-testid="workbench-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setNotice(null)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.body}>
        <aside className={styles.pane} aria-label="Task pane">
          <App key={`${generation}-${paneKey}`} host={host} />
        </aside>
        <main className={styles.main} aria-label="Workbook">
          <TabList
            className={styles.views}
            size="small"
            selectedValue={view}
            onTabSelect={(_, data) => setView(data.value as View)}
            aria-label="Views"
          >
            <Tab value="workbook">Workbook</Tab>
            <Tab value="formulas">Formula box</Tab>
          </TabList>
          {view === "workbook" ? (
            <WorkbookView key={generation} store={store} />
          ) : (
            <div className={styles.formulaBox}>
              <FormulaBox evaluate={(formula) => runFormula(store.hf, store.sheetId(), formula)} />
            </div>
          )}
        </main>
      </div>
      {pendingFile ? (
        <OpenFileDialog fileName={pendingFile.name} onOpen={() => void open(pendingFile)} onCancel={() => setPendingFile(null)} />
      ) : null}
    </div>
  );
}
