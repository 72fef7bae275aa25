import { Body1 } from "@fluentui/react-components";
import type { StepMessages } from "../../wizard/types";

/** Messages about rows of the pasted data (e.g. "partners.3.actuals.2"), which have no field of their own. */
export function MessageList({ messages, prefixes }: { messages: StepMessages; prefixes: string[] }) {
  const shown = prefixes.flatMap((prefix) => {
    const { errors, warnings } = messages.under(prefix);
    return [...errors.map((m) => ({ ...m, kind: "Error" })), ...warnings.map((m) => ({ ...m, kind: "Warning" }))];
  });
  if (shown.length === 0) return null;
  return (
    <ul role="alert" aria-label="Problems in the data">
      {shown.slice(0, 8).map((m) => (
        <li key={`${m.kind}-${m.field}`}>
          <Body1>
            {m.kind}: {m.message}
          </Body1>
        </li>
      ))}
      {shown.length > 8 ? <li>…and {shown.length - 8} more</li> : null}
    </ul>
  );
}
