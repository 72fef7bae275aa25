import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  input: {
    position: "absolute",
    zIndex: 5,
    boxSizing: "border-box",
    margin: 0,
    padding: "0 4px",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: "none",
  },
});

/** How the commit ended: the key that moves the active cell on (none when focus left the editor). */
export type CommitMove = { key: "Tab" | "Enter"; shift: boolean } | { key: "Arrow"; rows: number; cols: number };

const ARROWS: Record<string, [number, number]> = {
  ArrowDown: [1, 0],
  ArrowUp: [-1, 0],
  ArrowRight: [0, 1],
  ArrowLeft: [0, -1],
};

/**
 * The in-cell editor. Enter commits and moves down, Tab right (Shift reverses both), Escape
 * cancels, leaving the cell commits. As in Excel, an edit started by typing ("Enter" mode) lets
 * the arrow keys commit and move; one started with F2 or a double click ("Edit" mode) keeps them
 * for moving the caret.
 */
export function CellEditor({
  address,
  initial,
  top,
  left,
  width,
  height,
  mode,
  onCommit,
  onCancel,
}: {
  address: string;
  initial: string;
  top: number;
  left: number;
  width: number;
  height: number;
  mode: "enter" | "edit";
  onCommit: (typed: string, then?: CommitMove) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const finish = (action: () => void) => {
    if (done.current) return;
    done.current = true;
    action();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const arrow = ARROWS[event.key];
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      finish(() => onCommit(text, { key: event.key as "Tab" | "Enter", shift: event.shiftKey }));
    } else if (arrow && mode === "enter" && !event.shiftKey) {
      event.preventDefault();
      finish(() => onCommit(text, { key: "Arrow", rows: arrow[0], cols: arrow[1] }));
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(onCancel);
    }
  };

  return (
    <input
      ref={input}
      className={styles.input}
      style={{ top, left, width, height }}
      aria-label={`Edit cell ${address}`}
      value={text}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(() => onCommit(text))}
    />
  );
}
