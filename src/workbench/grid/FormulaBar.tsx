/**
 * The formula bar: a Name Box (the selected cell's address; type another address, a defined name
 * such as Qual_Weights or a table name and press Enter to go there, as in Excel) and the selected
 * cell's content as typed: its formula (`=PE.…`) or its value, with Excel's apostrophe before
 * text that would otherwise be read as a formula or number. Editing the content and pressing
 * Enter writes it to the cell, checked like typing in the grid (validation, formula syntax).
 */
import { engineFormulaAsPlan } from "../../engine/plan-tables";
import { planTables } from "./table-extension";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import { cellAddress, parseRange, rangeAddress, type CellRef } from "../../workbook/a1";
import { EntryRefusedDialog } from "./EntryRefusedDialog";
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
  // A whole table column is a name in the engine (plan-tables.ts): show it as the user wrote it, Table[Column].
  if (typeof serialized === "string" && serialized.startsWith("=") && /_pe_col_/i.test(serialized))
    return engineFormulaAsPlan(serialized, planTables(store.plans));
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
  const [refused, setRefused] = useState<{ title: string; message: string; text: string; address: string } | null>(null);
  const contentInput = useRef<HTMLInputElement>(null);
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
    const named = store.locateName(name);
    let range = named?.range;
    if (!range) {
      try {
        range = parseRange(name.trim());
      } catch {
        setNameProblem(`"${name}" is not a cell like B12, a range like A1:C9 or a name in this workbook`);
        return;
      }
    }
    setNameDraft(null);
    setNameProblem(undefined);
    const selection = { anchor: range.start, focus: range.end };
    if (named && named.sheet !== snapshot.activeSheet) store.activateSheet(named.sheet, selection);
    else store.select(selection);
    onNavigate(range.start);
    onDone();
  };

  const onContentKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      setDraft(null);
      onDone();
    } else if (event.key === "Enter") {
      event.preventDefault();
      const outcome = store.setCell(active, content);
      if (!outcome.ok) {
        const { title, message } =
          outcome.kind === "validation" ? outcome.refusal : { title: "This formula cannot be entered", message: outcome.message };
        setRefused({ title, message, text: content, address: activeAddress });
        return;
      }
      setDraft(null);
      onDone();
    }
  };

  return (
    <div className={styles.bar} data-testid="formula-bar">
      <Field
        className={styles.nameBox}
        label={{
          children: "Name Box: a cell address or a name (type one and press Enter to go there)",
          className: styles.hidden,
        }}
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
          ref={contentInput}
          data-testid="formula-input"
          spellCheck={false}
          autoComplete="off"
          onChange={(_, data) => setDraft({ address: activeAddress, text: data.value })}
          onKeyDown={onContentKey}
          onBlur={() => {
            if (!refused) setDraft(null);
          }}
        />
      </Field>
      {refused ? (
        <EntryRefusedDialog
          title={refused.title}
          message={refused.message}
          onRetry={() => {
            setDraft({ address: refused.address, text: refused.text });
            setRefused(null);
            setTimeout(() => contentInput.current?.focus());
          }}
          onCancel={() => {
            setRefused(null);
            setDraft(null);
            onDone();
          }}
        />
      ) : null}
    </div>
  );
}
