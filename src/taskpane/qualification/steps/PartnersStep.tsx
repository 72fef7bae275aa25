import { Body1, Checkbox } from "@fluentui/react-components";
import { Choice } from "../../wizard/form";
import { lazy, Suspense, useMemo } from "react";
import { SelectionSource } from "../../wizard/SelectionSource";
import { NumberField, TextAreaField } from "../../wizard/fields";
import type { StepProps } from "../../wizard/types";
import { partnerColumns, toModelInput, type PartnerSource, type QualificationDraft } from "../draft";
import { ProblemList } from "../../wizard/ProblemList";
import { useStepStyles } from "../../wizard/step-styles";
import { stateBinder } from "../../wizard/bind";

const PREVIEW = 5;
/** The pasted list is read this long after the last keystroke: reading 10,000 rows per key made typing lag. */
const PASTE_PARSE_DELAY_MS = 250;

function PartnerPreview({ state }: { state: QualificationDraft }) {
  const styles = useStepStyles();
  const model = useMemo(() => toModelInput(state), [state]);
  const partners = model.input.partners ?? [];
  if (partners.length === 0 || state.source === "blank") return null;
  const rated = model.ratedCriteria.map((c) => state.criteria[c]?.name).filter(Boolean);
  return (
    <div role="status" aria-live="polite" data-testid="partner-preview">
      <Body1>
        {partners.length.toLocaleString("en")} {partners.length === 1 ? "partner" : "partners"}
        {rated.length > 0 ? `, with ratings for ${rated.join(", ")}` : ""}:
      </Body1>
      <ul className={styles.preview}>
        {partners.slice(0, PREVIEW).map((name, i) => (
          <li key={i}>{name}</li>
        ))}
        {partners.length > PREVIEW ? <li>and {(partners.length - PREVIEW).toLocaleString("en")} more</li> : null}
      </ul>
    </div>
  );
}

// Loaded when a table with several columns is first pasted or read: the drop-downs stay out of the bundle Excel loads first.
const ColumnMapping = lazy(() => import("../../wizard/ColumnMapping").then((m) => ({ default: m.ColumnMapping })));

/** Which column holds the names and which hold each criterion's ratings, over the guess from the headers. */
function PartnerMapping({ state, update }: Pick<StepProps<QualificationDraft>, "state" | "update">) {
  const { header, columns } = useMemo(() => partnerColumns(state), [state]);
  if (state.source === "blank" || header.length < 2) return null;
  const chosen: Record<string, number> = { name: columns.name };
  columns.criteria.forEach((col, c) => (chosen[`criterion.${c}`] = col));
  return (
    <Suspense fallback={null}>
      <ColumnMapping
        header={header}
        roles={[
          { id: "name", label: "Partner name column", required: true },
          ...state.criteria.map((c, i) => ({ id: `criterion.${i}`, label: `${c.name || `Criterion ${i + 1}`} ratings` })),
        ]}
        chosen={chosen}
        onChoose={(role, value) => update((s) => ({ ...s, columns: { ...s.columns, [role]: value } }))}
      />
    </Suspense>
  );
}

const SOURCES = [
  ["selection", "In the selected cells"],
  ["paste", "In a list I paste"],
  ["blank", "Nowhere yet: give me a blank table"],
] as const;

export function PartnersStep({ state, update, messages, host }: StepProps<QualificationDraft>) {
  const bindTop = stateBinder({ state, update, messages });
  const styles = useStepStyles();
  const setSource = (source: PartnerSource) => update((s) => ({ ...s, source }));
  const ratingIssues = messages.under("ratings");
  const partnerIssues = messages.under("partners.");
  return (
    <div className={styles.stack}>
      <Choice
        label="Where are the partners?"
        value={state.source}
        options={SOURCES}
        onChange={setSource}
        validation={messages.field("partners")}
      />

      {state.source === "selection" ? (
        <SelectionSource
          host={host}
          rowsRead={state.selectionCells.length}
          onRead={(selectionCells) => update((s) => ({ ...s, selectionCells }))}
          intro="Select the partner names in the sheet (one per row, with their ratings beside them if you have them), then read them."
          emptyMessage="The selected cells are empty: select the partner names (and their ratings) first."
        />
      ) : null}
      {state.source === "paste" ? (
        <TextAreaField
          label="Partner names, one per line"
          hint="Paste a column from a spreadsheet. Text such as =1+1 stays text."
          value={state.pasted}
          commitDelayMs={PASTE_PARSE_DELAY_MS}
          onChange={(pasted) => update((s) => ({ ...s, pasted }))}
        />
      ) : null}
      {state.source === "blank" ? (
        <NumberField
          className={styles.narrow}
          label="Number of rows"
          hint="Type the names into the table later."
          {...bindTop("blankRows", "blankRows")}
        />
      ) : null}
      {state.source !== "blank" ? (
        <Checkbox
          checked={state.hasHeader}
          onChange={(_, data) => update((s) => ({ ...s, hasHeader: data.checked === true }))}
          label="The first row holds column headers (columns named like a criterion fill in its ratings)"
        />
      ) : null}
      <PartnerMapping state={state} update={update} />

      <PartnerPreview state={state} />
      <ProblemList title="Some ratings cannot be used" intent="error" items={ratingIssues.errors} />
      <ProblemList title="Check these names" intent="error" items={partnerIssues.errors} />
      <ProblemList title="Worth a look" intent="warning" items={partnerIssues.warnings} />
    </div>
  );
}
