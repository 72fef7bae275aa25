import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { FieldMessage } from "./types";

const SHOWN = 5;

/** Messages about many rows (ratings, duplicate names) as one bar, the first few listed. */
export function ProblemList({ title, intent, items }: { title: string; intent: "error" | "warning"; items: FieldMessage[] }) {
  if (items.length === 0) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul style={{ margin: 0, paddingLeft: "1.25rem" }}>
          {items.slice(0, SHOWN).map((m) => (
            <li key={m.field}>{m.message}</li>
          ))}
          {items.length > SHOWN ? <li>and {(items.length - SHOWN).toLocaleString("en")} more</li> : null}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
