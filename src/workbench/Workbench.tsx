/**
 * The workbench: the real task pane (the same App, over the engine host) beside a live grid of
 * the engine's workbook, a formula box, and a download of the workbook as .xlsx.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { App } from "../taskpane/App";
import { createEngineHost } from "../taskpane/hosts/engine-host";
import { FormulaBox } from "./FormulaBox";
import type { EvaluatedFormula } from "./formula-runner";
import { WorkbookView } from "./grid/WorkbookView";
import type { WorkbookStore } from "./grid/workbook-store";
import { saveBlob, workbookToXlsx } from "./xlsx/download";

const PANE_WIDTH = "26rem";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, margin: 0 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  pane: {
    width: PANE_WIDTH,
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  views: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  formulaBox: { overflowY: "auto", flexGrow: 1 },
  notice: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
});

type View = "workbook" | "formulas";
type Notice = { intent: "success" | "error" | "info"; text: string } | null;

export const XLSX_FILE_NAME = "partner-economics.xlsx";

export function Workbench({ store, evaluate }: { store: WorkbookStore; evaluate: (formula: string) => EvaluatedFormula }) {
  const styles = useStyles();
  const host = useMemo(() => createEngineHost(store.engineWorkbook(), "light"), [store]);
  const [paneKey, setPaneKey] = useState(0);
  const [view, setView] = useState<View>("workbook");
  const [notice, setNotice] = useState<Notice>(null);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      const file = await workbookToXlsx(store.hf, store.plans, store.settings, store.getSnapshot().activeSheet);
      saveBlob(file.blob, XLSX_FILE_NAME);
      setNotice({
        intent: "success",
        text: `Downloaded ${XLSX_FILE_NAME}.${file.limitations.length > 0 ? ` Note: ${file.limitations.join("; ")}.` : ""}`,
      });
    } catch (error) {
      setNotice({
        intent: "error",
        text: `The workbook could not be written as .xlsx: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          Partner Economics workbench
        </Title3>
        <Button
          onClick={() => setPaneKey((k) => k + 1)}
          title="Closes and reopens the task pane: the wizard's inputs come back from the workbook's settings"
        >
          Reopen the pane
        </Button>
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
          <App key={paneKey} host={host} />
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
            <WorkbookView store={store} />
          ) : (
            <div className={styles.formulaBox}>
              <FormulaBox evaluate={evaluate} />
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
