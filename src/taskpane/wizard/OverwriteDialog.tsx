import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellConflict } from "../../workbook/appliers/common";

const SHOWN = 5;

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

/** Asks before a plan writes over non-empty cells; nothing is written unless the user says so. */
export function OverwriteDialog({
  conflicts,
  onConfirm,
  onCancel,
}: {
  conflicts: CellConflict[];
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const count = conflicts.length;
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="overwrite-description">
        <DialogBody>
          <DialogTitle>
            Replace {count === 1 ? "a cell that is" : `${count.toLocaleString("en")} cells that are`} not empty?
          </DialogTitle>
          <DialogContent>
            <Body1 id="overwrite-description">
              The wizard would write over {count === 1 ? "this cell" : "these cells"}. Nothing has been written yet.
            </Body1>
            <ul className={styles.list}>
              {conflicts.slice(0, SHOWN).map((c) => (
                <li key={`${c.sheet}!${c.address}`}>
                  <span className={styles.mono}>
                    {c.sheet}!{c.address}
                  </span>{" "}
                  holds “{c.existing.slice(0, 40)}”
                </li>
              ))}
              {count > SHOWN ? <li>and {(count - SHOWN).toLocaleString("en")} more</li> : null}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onCancel}>
              Keep my cells
            </Button>
            <Button onClick={onConfirm}>Replace them</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
