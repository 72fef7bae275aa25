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

/** The in-cell editor: Enter commits and moves down, Tab right, Escape cancels, leaving the cell commits. */
export function CellEditor({
  address,
  initial,
  top,
  left,
  width,
  height,
  onCommit,
  onCancel,
}: {
  address: string;
  initial: string;
  top: number;
  left: number;
  width: number;
  height: number;
  onCommit: (typed: string, then?: { rows: number; cols: number }) => void;
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
    if (event.key === "Enter") {
      event.preventDefault();
      finish(() => onCommit(text, { rows: event.shiftKey ? -1 : 1, cols: 0 }));
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(() => onCommit(text, { rows: 0, cols: event.shiftKey ? -1 : 1 }));
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
