import { Body1 } from "@fluentui/react-components";
import {
  DEFAULT_LIABILITY_FLOOR,
  TYPICAL_INDEMNITY_MULTIPLES,
  TYPICAL_INITIAL_TERM_YEARS,
  TYPICAL_RENEWAL_NOTICE_DAYS,
} from "../../../workbook/models/deal/defaults";
import { NumberField } from "../../wizard/fields";
import { fieldBinder } from "../../wizard/bind";
import type { StepProps } from "../../wizard/types";
import type { DealDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";

export function TermsStep({ state, update, messages }: StepProps<DealDraft>) {
  const styles = useStepStyles();
  const set = (change: Partial<DealDraft>) => update((s) => ({ ...s, ...change }));
  const bind = fieldBinder(state, set, messages);
  return (
    <div className={styles.stack}>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Liability cap</legend>
        <Body1 className={styles.muted}>
          Liability is capped at the greater of a fixed floor and a multiple of 12 months of fees paid; no consequential damages,
          and no cap for IP infringement or confidentiality breaches.
        </Body1>
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Liability floor"
            hint={`E.g. ${DEFAULT_LIABILITY_FLOOR.toLocaleString("en-US")}`}
            {...bind("liabilityFloor", "terms.liabilityFloor")}
          />
          <NumberField
            className={styles.grow}
            label="Liability multiple"
            hint="× 12 months of fees paid; typical 1"
            suffix="×"
            {...bind("liabilityMultiple", "terms.liabilityMultiple")}
          />
        </div>
      </fieldset>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Indemnity cap</legend>
        <NumberField
          className={styles.medium}
          label="Indemnity multiple"
          hint={`× annual partnership value; typical ${TYPICAL_INDEMNITY_MULTIPLES.low}–${TYPICAL_INDEMNITY_MULTIPLES.high}×`}
          suffix="×"
          {...bind("indemnityMultiple", "terms.indemnityMultiple")}
        />
      </fieldset>
      <fieldset className={styles.card}>
        <legend className={styles.legend}>Term and renewal</legend>
        <div className={styles.row}>
          <NumberField
            className={styles.grow}
            label="Initial term (years)"
            hint={`Typical ${TYPICAL_INITIAL_TERM_YEARS.low}–${TYPICAL_INITIAL_TERM_YEARS.high} years`}
            {...bind("initialTermYears", "terms.initialTermYears")}
          />
          <NumberField
            className={styles.grow}
            label="Renewal notice (days)"
            hint={`Typical ${TYPICAL_RENEWAL_NOTICE_DAYS.low}–${TYPICAL_RENEWAL_NOTICE_DAYS.high} days`}
            {...bind("renewalNoticeDays", "terms.renewalNoticeDays")}
          />
        </div>
      </fieldset>
    </div>
  );
}
