import { useEffect, useRef, useState } from "react";

/**
 * A text box's own copy of its text, handed on `delayMs` after the last keystroke (and at once
 * when the box loses focus), so a 10,000-row paste box is not re-read on every key. With no
 * delay the text is handed on at every change, as a plain controlled field.
 */
export function useDebouncedText(value: string, onChange: (value: string) => void, delayMs: number | undefined) {
  const [text, setText] = useState(value);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ text: value, onChange });
  latest.current.onChange = onChange;

  // A new value from outside (a restored draft) replaces the box's copy when nothing is pending.
  useEffect(() => {
    if (pending.current === undefined) {
      setText(value);
      latest.current.text = value;
    }
  }, [value]);

  useEffect(() => () => clearTimeout(pending.current), []);

  const flush = () => {
    if (pending.current === undefined) return;
    clearTimeout(pending.current);
    pending.current = undefined;
    latest.current.onChange(latest.current.text);
  };

  const change = (next: string) => {
    setText(next);
    latest.current.text = next;
    if (!delayMs) return latest.current.onChange(next);
    clearTimeout(pending.current);
    pending.current = setTimeout(flush, delayMs);
  };

  return { text, change, flush };
}
