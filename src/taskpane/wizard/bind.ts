/**
 * Binds a step's fields to the keys of one object in the wizard's state, so a field says only what
 * is its own (label, hint, width): `<NumberField label="Fee rate" {...bind("referralRate", "referral.rate")} />`
 * gets its value, its change handler and its message (by the dotted path of the checked input).
 */
import type { FieldValidationProps, StepMessages, StepProps } from "./types";

export interface BoundField<V> {
  value: V;
  onChange: (value: V) => void;
  validation: FieldValidationProps;
}

export function fieldBinder<T extends object>(values: T, set: (change: Partial<T>) => void, messages: StepMessages) {
  return <K extends keyof T & string>(key: K, path: string): BoundField<T[K]> => ({
    value: values[key],
    onChange: (value) => set({ [key]: value } as unknown as Partial<T>),
    validation: messages.field(path),
  });
}

/** A binder for the fields of one section of the state (`state.governance`…), and the section's own setter. */
export function sectionBinder<S, K extends keyof S & string>({ state, update, messages }: StepProps<S>, key: K) {
  const set = (change: Partial<S[K]>) => update((s) => ({ ...s, [key]: { ...s[key], ...change } }));
  return { bind: fieldBinder(state[key] as S[K] & object, set, messages), set };
}

/** A binder for the state's own top-level fields (`state.scale`…). */
export function stateBinder<S extends object>({ state, update, messages }: Pick<StepProps<S>, "state" | "update" | "messages">) {
  return fieldBinder(state, (change) => update((s) => ({ ...s, ...change })), messages);
}
