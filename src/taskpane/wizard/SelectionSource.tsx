/** Reading the selected cells into a wizard: one button, how many rows were read, and why not when it failed. */
import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useState } from "react";
import { reasonOf, type WorkbookHost } from "../hosts/workbook-host";
import { useStepStyles } from "./step-styles";

export function SelectionSource({
  host,
  rowsRead,
  onRead,
  intro,
  emptyMessage,
}: {
  host: WorkbookHost;
  rowsRead: number;
  onRead: (cells: string[][]) => void;
  /** What to select, e.g. "Select the ledger in the sheet, headers included, then read it." */
  intro: string;
  /** Said when the selected cells are all empty. */
  emptyMessage: string;
}) {
  const styles = useStepStyles();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const read = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const cells = await host.selectedCells();
      if (cells.every((row) => row.every((cell) => cell.trim() === ""))) setProblem(emptyMessage);
      onRead(cells);
    } catch (error) {
      setProblem(`The selection could not be read: ${reasonOf(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.stack}>
      <Body1>{intro}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void read()} disabled={busy}>
          {rowsRead > 0 ? "Read the selection again" : "Read the selected cells"}
        </Button>
        {rowsRead > 0 ? <Caption1 className={styles.muted}>{rowsRead.toLocaleString("en")} rows read</Caption1> : null}
      </div>
      {problem ? (
        <Body1 role="alert" className={styles.muted}>
          {problem}
        </Body1>
      ) : null}
    </div>
  );
}
