import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { StepMessages } from "./types";

/** A message about a whole list (e.g. "revenueShare.rates": more rates than years), shown under it. */
export function ListMessage({ messages, field }: { messages: StepMessages; field: string }) {
  const message = messages.field(field);
  if (!message.validationMessage) return null;
  return (
    <MessageBar intent={message.validationState === "error" ? "error" : "warning"} data-testid={`message-${field}`}>
      <MessageBarBody>{message.validationMessage}</MessageBarBody>
    </MessageBar>
  );
}
