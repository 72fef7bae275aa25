/**
 * The one list editor: rows of the same fields (tiers, criteria, KPIs, bands, rates by year), each
 * item's messages by "<path>.<index>.<key>", a message about the whole list under it, and the
 * buttons a list needs — add, remove the last or any one, start again from the defaults.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { Actions, Fields, Section, type FieldLayout } from "./form";
import { useStepStyles } from "./step-styles";
import type { StepMessages } from "./types";
import { fieldBinder } from "./bind";

export interface ListEditorProps<T extends object> {
  items: T[];
  onChange: (items: T[]) => void;
  messages: StepMessages;
  /** The checked input's path of the list: item i's field k has messages at "<path>.<i>.<k>". */
  path: string;
  /** Item i's fields, with paths relative to the item ("from", "rate"). */
  fields: (index: number, item: T) => FieldLayout<T>[];
  /** Each item in a card with this legend (else each item is one row). */
  legend?: (index: number) => string;
  /** The items side by side in one row (one short field each, e.g. a rate per year). */
  inline?: boolean;
  /** Each row as a group with this accessible name. */
  groupLabel?: (index: number) => string;
  /** More under an item's fields (guidance, a kept-from note…). */
  extra?: (index: number, item: T) => ReactNode;
  add?: { text: string; item: (items: T[]) => T; max?: number };
  /** A Remove button on every item (while more than `min` remain), named for the item. */
  removeEach?: { min: number; ariaLabel: (index: number, item: T) => string; text?: string };
  removeLast?: string;
  reset?: { text: string; items: () => T[] };
  /** The list's own message (default: at `path`, e.g. more rates than years); null when the step shows it itself. */
  listField?: string | null;
}

export function ListEditor<T extends object>(props: ListEditorProps<T>) {
  const { items, onChange, messages, path, legend } = props;
  const styles = useStepStyles();
  const setItem = (index: number) => (change: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const remove = (index: number) => onChange(items.filter((_, i) => i !== index));
  const relative = (index: number, item: T) =>
    props.fields(index, item).map((layout) => {
      // An empty path is the item itself (a list of plain values such as rates by year).
      const prefixed = (spec: Exclude<typeof layout, unknown[]>) => ({
        ...spec,
        path: spec.path === "" ? `${path}.${index}` : `${path}.${index}.${spec.path}`,
      });
      return Array.isArray(layout) ? layout.map(prefixed) : prefixed(layout);
    });
  const listMessage = props.listField === null ? {} : messages.field(props.listField ?? path);
  const rendered = items.map((item, index) => {
    const bind = fieldBinder(item, setItem(index), messages);
    const removeEach = props.removeEach;
    const removeButton =
      removeEach && items.length > removeEach.min ? (
        <Actions
          buttons={[
            {
              text: removeEach.text ?? "Remove",
              ariaLabel: removeEach.ariaLabel(index, item),
              onClick: () => remove(index),
            },
          ]}
        />
      ) : null;
    const body = (
      <>
        <Fields bind={bind} fields={relative(index, item)} />
        {props.extra?.(index, item)}
        {removeButton}
      </>
    );
    if (legend)
      return (
        <Section key={index} legend={legend(index)}>
          {body}
        </Section>
      );
    if (props.inline) return <div key={index}>{body}</div>;
    return (
      <div key={index} className={styles.stack} role="group" aria-label={props.groupLabel?.(index)}>
        {body}
      </div>
    );
  });
  return (
    <>
      {props.inline ? <div className={styles.row}>{rendered}</div> : rendered}
      {listMessage.validationMessage ? (
        <MessageBar intent={listMessage.validationState === "error" ? "error" : "warning"} data-testid={`message-${path}`}>
          <MessageBarBody>{listMessage.validationMessage}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Actions
        buttons={[
          {
            text: props.add?.text ?? "",
            onClick: props.add ? () => onChange([...items, props.add!.item(items)]) : undefined,
            disabled: props.add?.max !== undefined && items.length >= props.add.max,
          },
          {
            text: props.removeLast ?? "",
            onClick: props.removeLast ? () => onChange(items.slice(0, -1)) : undefined,
            disabled: items.length <= 1,
          },
          { text: props.reset?.text ?? "", onClick: props.reset ? () => onChange(props.reset!.items()) : undefined },
        ]}
      />
    </>
  );
}
