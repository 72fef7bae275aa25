import { Field, Input, makeStyles } from "@fluentui/react-components";
import type { FieldValidationProps } from "../../wizard/types";

const useStyles = makeStyles({ control: { width: "100%", minWidth: 0 } });

/** A date picked or typed with the browser's own date control; its value is ISO "YYYY-MM-DD" or "". */
export function DateField({
  label,
  hint,
  value,
  onChange,
  validation,
  className,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  validation?: FieldValidationProps;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint} className={className} {...validation}>
      <Input className={styles.control} type="date" value={value} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
