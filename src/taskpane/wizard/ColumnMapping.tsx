/**
 * The one column-mapping step part: which column of a pasted or selected table holds what. Each
 * role (partner name, a criterion, a ledger's date…) gets a drop-down of the table's columns, the
 * guess from the header names preselected; the columns no role takes are named as kept out of the
 * model, so nothing is dropped silently. The qualification and payout wizards both use it.
 */
import { Body1, Checkbox, Field } from "@fluentui/react-components";
import { Section } from "./form";
import { Pick } from "./Pick";
import { useStepStyles } from "./step-styles";
import type { FieldValidationProps } from "./types";

export interface MappingRole {
  id: string;
  label: string;
  /** A required role has no "None" choice. */
  required?: boolean;
}

export interface ColumnMappingProps {
  /** The table's column names ("Column 1"… when it has no header row). */
  header: string[];
  roles: MappingRole[];
  /** The column of each role in force (the user's choice, else the guess); undefined or -1: none. */
  chosen: Record<string, number | undefined>;
  /** "none" or a column index as text. */
  onChoose: (role: string, value: string) => void;
  /** A checkbox the user ticks to say the columns are right, where the wizard asks for one. */
  confirm?: { checked: boolean; onChange: (checked: boolean) => void; validation?: FieldValidationProps };
  validation?: (role: string) => FieldValidationProps;
}

const columnName = (header: string[], i: number) => header[i] || `Column ${i + 1}`;

export function ColumnMapping({ header, roles, chosen, onChoose, confirm, validation }: ColumnMappingProps) {
  const styles = useStepStyles();
  if (header.length === 0) return null;
  const used = new Set(Object.values(chosen).filter((c): c is number => c !== undefined && c >= 0));
  const keptOut = header.map((_, i) => i).filter((i) => !used.has(i));
  const columns = header.map((_, i) => [String(i), columnName(header, i)] as const);
  return (
    <Section legend="Which column holds what" note="Guessed from the header names: check them.">
      <div className={styles.row}>
        {roles.map((role) => {
          const at = chosen[role.id];
          return (
            <Pick
              key={role.id}
              className={styles.medium}
              label={role.label}
              required={role.required}
              value={at === undefined || at < 0 ? "none" : String(at)}
              options={[["none", role.required ? "Choose a column" : "None"], ...columns]}
              onChange={(value) => onChoose(role.id, value)}
              validation={validation?.(role.id)}
            />
          );
        })}
      </div>
      {keptOut.length > 0 ? (
        <Body1 data-testid="kept-out-columns">
          Kept out of the model: {keptOut.map((i) => columnName(header, i)).join(", ")}.
        </Body1>
      ) : null}
      {confirm ? (
        <Field {...confirm.validation}>
          <Checkbox
            checked={confirm.checked}
            onChange={(_, data) => confirm.onChange(data.checked === true)}
            label="These columns are right"
          />
        </Field>
      ) : null}
    </Section>
  );
}
