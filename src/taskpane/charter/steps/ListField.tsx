/**
 * A list typed one item per line, with the playbook's suggestions as one-click adds: a
 * suggestion already in the list is shown as added (and cannot be added twice).
 */
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { FieldValidationProps } from "../../wizard/types";
import { itemsOf, withItem } from "../draft";

const useStyles = makeStyles({
  suggestions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  label: { color: tokens.colorNeutralForeground2, width: "100%" },
  suggestion: { maxWidth: "100%", textAlign: "start", height: "auto", minHeight: "24px" },
  textarea: { width: "100%" },
});

export function ListField({
  label,
  hint = "One per line.",
  value,
  onChange,
  validation,
  suggestions = [],
  itemName,
  required,
  rows = 3,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  validation?: FieldValidationProps;
  suggestions?: readonly string[];
  /** How one item is called in the suggestions' accessible names, e.g. "exit criterion". */
  itemName: string;
  required?: boolean;
  rows?: number;
}) {
  const styles = useStyles();
  const suggestionsId = useId();
  const listed = new Set(itemsOf(value));
  return (
    <div>
      <Field label={label} hint={hint} required={required} {...validation}>
        <Textarea
          className={styles.textarea}
          value={value}
          rows={rows}
          resize="vertical"
          spellCheck
          onChange={(_, data) => onChange(data.value)}
        />
      </Field>
      {suggestions.length > 0 ? (
        <div className={styles.suggestions} role="group" aria-labelledby={suggestionsId}>
          <Caption1 id={suggestionsId} className={styles.label}>
            Suggestions for {label.charAt(0).toLowerCase() + label.slice(1)}:
          </Caption1>
          {suggestions.map((suggestion) => {
            const added = listed.has(suggestion);
            return (
              <Button
                key={suggestion}
                className={styles.suggestion}
                size="small"
                appearance="outline"
                // Stays focusable once added, so a keyboard user adding suggestions keeps their place.
                disabledFocusable={added}
                aria-label={added ? `${suggestion} (added)` : `Add ${itemName}: ${suggestion}`}
                onClick={() => onChange(withItem(value, suggestion))}
              >
                {added ? "✓ " : "+ "}
                {suggestion}
              </Button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
