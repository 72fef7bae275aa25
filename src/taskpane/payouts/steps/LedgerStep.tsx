import { Body1, Checkbox } from "@fluentui/react-components";
import { Choice } from "../../wizard/form";
import { useMemo } from "react";
import { LEDGER_FIELDS, REQUIRED_LEDGER_FIELDS, type LedgerField } from "../../../workbook/models/payouts/ledger-records";
import { ColumnMapping } from "../../wizard/ColumnMapping";
import { SelectionSource } from "../../wizard/SelectionSource";
import { ProblemList } from "../../wizard/ProblemList";
import { TextAreaField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { effectiveMapping, ledgerTable, toPayoutsModelInput, type PayoutsDraft } from "../draft";

const FIELD_LABELS: Record<LedgerField, string> = {
  partner: "Partner column",
  date: "Date column",
  amount: "Amount column (refunds negative)",
  customer: "Customer column (optional)",
  description: "Description column (optional)",
};

function Mapping({ state, update, messages }: Pick<StepProps<PayoutsDraft>, "state" | "update" | "messages">) {
  const table = ledgerTable(state);
  const mapping = effectiveMapping(state, table.header);
  return (
    <ColumnMapping
      header={table.header}
      roles={LEDGER_FIELDS.map((field) => ({
        id: field,
        label: FIELD_LABELS[field],
        required: REQUIRED_LEDGER_FIELDS.includes(field),
      }))}
      chosen={mapping}
      onChoose={(field, value) => update((s) => ({ ...s, mapping: { ...s.mapping, [field]: value }, mappingConfirmed: false }))}
      confirm={{
        checked: state.mappingConfirmed,
        onChange: (mappingConfirmed) => update((s) => ({ ...s, mappingConfirmed })),
        validation: messages.field("mappingConfirmed"),
      }}
    />
  );
}

function LedgerPreview({ state }: { state: PayoutsDraft }) {
  const styles = useStepStyles();
  const model = useMemo(() => toPayoutsModelInput(state), [state]);
  const count = model.transactions.length;
  if (count === 0) return null;
  const partners = new Set(model.transactions.map((t) => t.partner.toLowerCase())).size;
  return (
    <Body1 role="status" aria-live="polite" data-testid="ledger-preview" className={styles.muted}>
      {count.toLocaleString("en")} transactions of {partners.toLocaleString("en")} partners
      {model.ledgerProblemCount > 0 ? `; ${model.ledgerProblemCount.toLocaleString("en")} cells to fix` : ""}.
    </Body1>
  );
}

const SOURCES = [
  ["paste", "In text I paste (CSV, or cells copied from a sheet)"],
  ["selection", "In the selected cells"],
] as const;

export function LedgerStep({ state, update, messages, host }: StepProps<PayoutsDraft>) {
  const styles = useStepStyles();
  const ledgerIssues = messages.under("ledger");
  const mappingIssues = messages.under("mapping.");
  return (
    <div className={styles.stack}>
      <Choice
        label="Where is the ledger?"
        value={state.source}
        options={SOURCES}
        onChange={(source) => update((s) => ({ ...s, source, mappingConfirmed: false }))}
        validation={messages.field("ledger")}
      />
      {state.source === "paste" ? (
        <TextAreaField
          label="Ledger: partner, date, amount, and optionally customer and description"
          hint="One transaction a line; dates as 2026-03-15; refunds as negative amounts. Text such as =1+1 stays text."
          value={state.pasted}
          onChange={(pasted) => update((s) => ({ ...s, pasted, mappingConfirmed: false }))}
        />
      ) : (
        <SelectionSource
          host={host}
          rowsRead={state.selectionCells.length}
          onRead={(selectionCells) => update((s) => ({ ...s, selectionCells, mappingConfirmed: false }))}
          intro="Select the ledger in the sheet (or a table), headers included, then read it."
          emptyMessage="The selected cells are empty: select the ledger (with its header row) first."
        />
      )}
      <Checkbox
        checked={state.hasHeader}
        onChange={(_, data) => update((s) => ({ ...s, hasHeader: data.checked === true, mappingConfirmed: false }))}
        label="The first row holds column headers"
      />
      <Mapping state={state} update={update} messages={messages} />
      <LedgerPreview state={state} />
      <ProblemList title="The columns" intent="error" items={mappingIssues.errors} />
      <ProblemList
        title="Some cells cannot be used"
        intent="error"
        items={ledgerIssues.errors.filter((m) => m.field !== "ledger")}
      />
    </div>
  );
}
