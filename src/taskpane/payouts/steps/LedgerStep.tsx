import { Body1, Button, Caption1, Checkbox, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LEDGER_FIELDS, REQUIRED_LEDGER_FIELDS, type LedgerField } from "../../../workbook/models/payouts/ledger-records";
import { reasonOf } from "../../hosts/workbook-host";
import { ProblemList } from "../../qualification/steps/ProblemList";
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

function SelectionSource({ state, update, host }: Pick<StepProps<PayoutsDraft>, "state" | "update" | "host">) {
  const styles = useStepStyles();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const read = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const cells = await host.selectedCells();
      if (cells.every((row) => row.every((cell) => cell.trim() === "")))
        setProblem("The selected cells are empty: select the ledger (with its header row) first.");
      update((s) => ({ ...s, selectionCells: cells, mappingConfirmed: false }));
    } catch (error) {
      setProblem(`The selection could not be read: ${reasonOf(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const rows = state.selectionCells.length;
  return (
    <div className={styles.stack}>
      <Body1>Select the ledger in the sheet (or a table), headers included, then read it.</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void read()} disabled={busy}>
          {rows > 0 ? "Read the selection again" : "Read the selected cells"}
        </Button>
        {rows > 0 ? <Caption1 className={styles.muted}>{rows.toLocaleString("en")} rows read</Caption1> : null}
      </div>
      {problem ? (
        <Body1 role="alert" className={styles.muted}>
          {problem}
        </Body1>
      ) : null}
    </div>
  );
}

function Mapping({ state, update, messages }: Pick<StepProps<PayoutsDraft>, "state" | "update" | "messages">) {
  const styles = useStepStyles();
  const table = ledgerTable(state);
  const mapping = effectiveMapping(state, table.header);
  if (table.header.length === 0) return null;
  const choose = (field: LedgerField, value: string) =>
    update((s) => ({ ...s, mapping: { ...s.mapping, [field]: value }, mappingConfirmed: false }));
  return (
    <fieldset className={styles.card}>
      <legend className={styles.legend}>Which column holds what</legend>
      <Body1 className={styles.muted}>Guessed from the header names: check them.</Body1>
      <div className={styles.row}>
        {LEDGER_FIELDS.map((field) => (
          <Field
            key={field}
            className={styles.medium}
            label={FIELD_LABELS[field]}
            required={REQUIRED_LEDGER_FIELDS.includes(field)}
          >
            <Select
              value={mapping[field] === undefined ? "none" : String(mapping[field])}
              onChange={(_, data) => choose(field, data.value)}
            >
              <option value="none">{REQUIRED_LEDGER_FIELDS.includes(field) ? "Choose a column" : "None"}</option>
              {table.header.map((name, i) => (
                <option key={i} value={String(i)}>
                  {name || `Column ${i + 1}`}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Field {...messages.field("mappingConfirmed")}>
        <Checkbox
          checked={state.mappingConfirmed}
          onChange={(_, data) => update((s) => ({ ...s, mappingConfirmed: data.checked === true }))}
          label="These columns are right"
        />
      </Field>
    </fieldset>
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

export function LedgerStep({ state, update, messages, host }: StepProps<PayoutsDraft>) {
  const styles = useStepStyles();
  const ledgerIssues = messages.under("ledger");
  const mappingIssues = messages.under("mapping.");
  return (
    <div className={styles.stack}>
      <Field label="Where is the ledger?" {...messages.field("ledger")}>
        <RadioGroup
          value={state.source}
          onChange={(_, data) => update((s) => ({ ...s, source: data.value as PayoutsDraft["source"], mappingConfirmed: false }))}
        >
          <Radio value="paste" label="In text I paste (CSV, or cells copied from a sheet)" />
          <Radio value="selection" label="In the selected cells" />
        </RadioGroup>
      </Field>
      {state.source === "paste" ? (
        <TextAreaField
          label="Ledger: partner, date, amount, and optionally customer and description"
          hint="One transaction a line; dates as 2026-03-15; refunds as negative amounts. Text such as =1+1 stays text."
          value={state.pasted}
          onChange={(pasted) => update((s) => ({ ...s, pasted, mappingConfirmed: false }))}
        />
      ) : (
        <SelectionSource state={state} update={update} host={host} />
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
