/**
 * The formula bar: a name box (the selected cell's address; type another and press Enter to go
 * there) and the selected cell's content as typed: its formula (`=PE.…`) or its value, with
 * Excel's apostrophe before text that would otherwise be read as a formula or number. Editing
 * the content and pressing Enter writes it to the cell.
 */
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
import { cellAddress, parseRange, rangeAddress, type CellRef } from "../../workbook/a1";
import { selectionRange, type StoreSnapshot, type WorkbookStore } from "./workbook-store";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "9rem", flexShrink: 0 },
  content: { flexGrow: 1, minWidth: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export function contentAsTyped(store: WorkbookStore, sheet: string, cell: CellRef): string {
  const id = store.hf.getSheetId(sheet);
  if (id === undefined) return "";
  const serialized = store.hf.getCellSerialized({ sheet: id, ...cell });
  if (serialized === null || serialized === undefined) return "";
  if (typeof serialized === "boolean") return serialized ? "TRUE" : "FALSE";
  return String(serialized);
}

export function FormulaBar({
  store,
  snapshot,
  onNavigate,
  onDone,
}: {
  store: WorkbookStore;
  snapshot: StoreSnapshot;
  onNavigate: (cell: CellRef) => void;
  onDone: () => void;
}) {
  const styles = useStyles();
  const active = snapshot.selection.anchor;
  const address = rangeAddress(selectionRange(snapshot.selection));
  const current = contentAsTyped(store, snapshot.activeSheet, active);
  // What the user is typing, if anything, for the cell it was typed for; otherwise the cell's own content.
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [nameProblem, setNameProblem] = useState<string>();
  const [draft, setDraft] = useState<{ address: string; text: string } | null>(null);
  const activeAddress = `${snapshot.activeSheet}!${cellAddress(active)}`;
  const content = draft && draft.address === activeAddress ? draft.text : current;
  const name = nameDraft ?? address;

  const onNameKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      setNameDraft(null);
      setNameProblem(undefined);
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    try {
      const range = parseRange(name.trim());
      setNameDraft(null);
      setNameProblem(undefined);
      store.select({ anchor: range.start, focus: range.end });
      onNavigate(range.start);
      onDone();
    } catch {
      setNameProblem(`"${name}" is not a cell like B12 or a range like A1:C9`);
    }
  };

  const onContentKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
      onDone();
    } else if (event.key === "Enter") {
      event.preventDefault();
      store.setCell(active, content);
      setDraft(null);
      onDone();
    }
  };

  return (
    <div className={styles.bar} data-testid="formula-bar">
      <Field
        className={styles.nameBox}
        label={{ children: "Cell address (type one and press Enter to go there)", className: styles.hidden }}
        validationState={nameProblem ? "error" : "none"}
        validationMessage={nameProblem}
      >
        <Input
          className={styles.mono}
          size="small"
          value={name}
          data-testid="name-box"
          onChange={(_, data) => setNameDraft(data.value)}
          onBlur={() => setNameDraft(null)}
          onKeyDown={onNameKey}
          onFocus={(event) => event.target.select()}
        />
      </Field>
      <Field
        className={styles.content}
        label={{ children: `Formula or value of ${cellAddress(active)}`, className: styles.hidden }}
      >
        <Input
          className={styles.mono}
          size="small"
          contentBefore={<span aria-hidden="true">fx</span>}
          value={content}
          data-testid="formula-input"
          spellCheck={false}
          autoComplete="off"
          onChange={(_, data) => setDraft({ address: activeAddress, text: data.value })}
          onKeyDown={onContentKey}
          onBlur={() => setDraft(null)}
        />
      </Field>
    </div>
  );
}
