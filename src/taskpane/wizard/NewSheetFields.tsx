import { Checkbox } from "@fluentui/react-components";
import { TextField } from "./fields";
import type { StepProps } from "./types";
import { stateBinder } from "./bind";

interface NewSheetState {
  sheetName: string;
  chart?: boolean;
}

/**
 * The review step's choices about the sheet a wizard writes: its name and, where the model has
 * one, its chart (drawn in Excel, in the workbench grid and in .xlsx downloads alike).
 */
export function NewSheetFields<S extends NewSheetState>({
  state,
  update,
  messages,
  chartLabel,
}: StepProps<S> & { chartLabel?: string }) {
  const bindTop = stateBinder({ state, update, messages });
  return (
    <>
      <TextField
        label="Sheet name"
        hint="If the workbook already has a sheet of this name, the new one gets a number."
        {...bindTop("sheetName", "sheetName")}
      />
      {chartLabel ? (
        <Checkbox
          checked={state.chart === true}
          onChange={(_, data) => update((s) => ({ ...s, chart: data.checked === true }))}
          label={chartLabel}
        />
      ) : null}
    </>
  );
}
