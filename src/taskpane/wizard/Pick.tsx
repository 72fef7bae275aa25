/** A drop-down (its own module: only the lazily loaded payout and mapping steps use Fluent's Select). */
import { Field, Select } from "@fluentui/react-components";
import type { FieldValidationProps } from "./types";

/** One of a list, as a drop-down. */
export function Pick<V extends string>({
  label,
  hint,
  value,
  options,
  onChange,
  validation,
  className,
  required,
}: {
  label: string;
  hint?: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  validation?: FieldValidationProps;
  className?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} hint={hint} className={className} required={required} {...validation}>
      <Select value={value} onChange={(_, data) => onChange(data.value as V)}>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
