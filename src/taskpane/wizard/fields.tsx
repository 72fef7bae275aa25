/** Labelled inputs every wizard uses: a Fluent Field (label, hint, inline message) around a control. */
import { Field, Input, makeStyles, Textarea, type FieldProps, type InputProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  // Fluent's input keeps the browser's 20-character intrinsic width; let it fit narrow panes.
  control: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  input: { width: "100%", minWidth: 0 },
});
import type { FieldValidationProps } from "./types";
import { useDebouncedText } from "./useDebouncedText";

interface BaseFieldProps {
  label: string;
  hint?: FieldProps["hint"];
  value: string;
  onChange: (value: string) => void;
  validation?: FieldValidationProps;
  className?: string;
  required?: boolean;
}

export function TextField({
  label,
  hint,
  value,
  onChange,
  validation,
  className,
  required,
  inputMode,
  contentAfter,
  name,
  type,
}: BaseFieldProps & {
  inputMode?: InputProps["inputMode"];
  contentAfter?: InputProps["contentAfter"];
  name?: string;
  type?: InputProps["type"];
}) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} className={className} required={required} {...validation}>
      <Input
        className={styles.control}
        input={{ className: styles.input }}
        type={type}
        value={value}
        name={name}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        contentAfter={contentAfter}
        onChange={(_, data) => onChange(data.value)}
      />
    </Field>
  );
}

/** A number kept as typed text (so "abc" can be shown back with a message), with a numeric keyboard. */
export function NumberField(props: BaseFieldProps & { suffix?: string; name?: string }) {
  const { suffix, ...rest } = props;
  return <TextField {...rest} inputMode="decimal" contentAfter={suffix ? <span aria-hidden="true">{suffix}</span> : undefined} />;
}

/** A date picked or typed with the browser's own date control; its value is ISO "YYYY-MM-DD" or "". */
export function DateField(props: BaseFieldProps) {
  return <TextField {...props} type="date" />;
}

export function TextAreaField({
  value,
  onChange,
  validation,
  rows = 8,
  commitDelayMs,
  ...field
}: BaseFieldProps & {
  rows?: number;
  /** Hand the text on this long after the last keystroke (long pastes). */ commitDelayMs?: number;
}) {
  const { text, change, flush } = useDebouncedText(value, onChange, commitDelayMs);
  return (
    <Field {...field} {...validation}>
      <Textarea
        value={text}
        rows={rows}
        resize="vertical"
        spellCheck={false}
        onChange={(_, data) => change(data.value)}
        onBlur={flush}
      />
    </Field>
  );
}
