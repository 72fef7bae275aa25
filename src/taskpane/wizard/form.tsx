/**
 * A step's fields as data: each field says only what is its own (label, hint, suffix, width), and
 * these components lay them out the one way every wizard does — stacked, rows that wrap in a narrow
 * pane, cards per group — bound to the state by the field's key and shown with its message by path.
 */
import { Body1, Button, Checkbox, Field, Radio, RadioGroup, type FieldProps } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { BoundField } from "./bind";
import { DateField, NumberField, TextField } from "./fields";
import { useStepStyles } from "./step-styles";
import type { FieldValidationProps } from "./types";

type StringKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
type Width = "grow" | "narrow" | "medium";

export interface FieldSpec<T> {
  key: StringKey<T>;
  /** The dotted path of the checked input whose message the field shows. */
  path: string;
  label: string;
  hint?: FieldProps["hint"];
  suffix?: string;
  /** Default: full width alone, growing in a row. */
  width?: Width;
  kind?: "text" | "number" | "date";
}

/** A field alone, or a row of fields side by side. */
export type FieldLayout<T> = FieldSpec<T> | FieldSpec<T>[];

type Binder<T> = <K extends keyof T & string>(key: K, path: string) => BoundField<T[K]>;

function OneField<T>({ spec, bind, width }: { spec: FieldSpec<T>; bind: Binder<T>; width?: Width }) {
  const styles = useStepStyles();
  const bound = bind(spec.key, spec.path) as unknown as BoundField<string>;
  const size = spec.width ?? width;
  const common = { label: spec.label, hint: spec.hint, className: size ? styles[size] : undefined, ...bound };
  if (spec.kind === "text") return <TextField {...common} />;
  if (spec.kind === "date") return <DateField {...common} />;
  return <NumberField {...common} suffix={spec.suffix} />;
}

/** Fields laid out in order; an array is one row. */
export function Fields<T>({ bind, fields }: { bind: Binder<T>; fields: FieldLayout<T>[] }) {
  const styles = useStepStyles();
  return (
    <>
      {fields.map((layout, i) =>
        Array.isArray(layout) ? (
          <div key={i} className={styles.row}>
            {layout.map((spec) => (
              <OneField key={spec.key} spec={spec} bind={bind} width="grow" />
            ))}
          </div>
        ) : (
          <OneField key={layout.key} spec={layout} bind={bind} />
        ),
      )}
    </>
  );
}

/** A group of fields in a card, with its legend and an optional note under it. */
export function Section({ legend, note, children }: { legend: string; note?: ReactNode; children?: ReactNode }) {
  const styles = useStepStyles();
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>{legend}</legend>
      {note ? <Note>{note}</Note> : null}
      {children}
    </fieldset>
  );
}

/** A card of fields: what a step declares when it is only fields. */
export interface SectionSpec<T> {
  legend: string;
  note?: ReactNode;
  fields: FieldLayout<T>[];
}

/** A step that is only cards of fields, declared as data. */
export function Sections<T>({ bind, sections }: { bind: Binder<T>; sections: SectionSpec<T>[] }) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      {sections.map((section) => (
        <Section key={section.legend} legend={section.legend} note={section.note}>
          <Fields bind={bind} fields={section.fields} />
        </Section>
      ))}
    </div>
  );
}

/** A line of muted explanation under a heading or between fields. */
export function Note({ children }: { children: ReactNode }) {
  const styles = useStepStyles();
  return <Body1 className={styles.muted}>{children}</Body1>;
}

/** One of a few choices, as radio buttons. */
export function Choice<V extends string>({
  label,
  value,
  options,
  onChange,
  validation,
  horizontal,
  className,
}: {
  label?: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
  validation?: FieldValidationProps;
  horizontal?: boolean;
  className?: string;
}) {
  return (
    <Field label={label} className={className} {...validation}>
      <RadioGroup layout={horizontal ? "horizontal" : undefined} value={value} onChange={(_, data) => onChange(data.value as V)}>
        {options.map(([option, text]) => (
          <Radio key={option} value={option} label={text} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** A yes/no answer as a checkbox. */
export function Tick({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return <Checkbox checked={checked} onChange={(_, data) => onChange(data.checked === true)} label={label} />;
}

/** A row of small buttons (add, remove, reset…); a button with no `onClick` is left out. */
export function Actions({
  buttons,
  label,
}: {
  buttons: { text: string; onClick?: () => void; disabled?: boolean; pressed?: boolean; ariaLabel?: string }[];
  label?: string;
}) {
  const styles = useStepStyles();
  const shown = buttons.filter((b) => b.onClick);
  if (shown.length === 0) return null;
  return (
    <div className={styles.actions} role={label ? "group" : undefined} aria-label={label}>
      {shown.map((b) => (
        <Button
          key={b.text}
          size="small"
          disabled={b.disabled}
          aria-pressed={b.pressed}
          aria-label={b.ariaLabel}
          onClick={b.onClick}
        >
          {b.text}
        </Button>
      ))}
    </div>
  );
}
