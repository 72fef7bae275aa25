import {
  DEFAULT_LIABILITY_FLOOR,
  TYPICAL_INDEMNITY_MULTIPLES,
  TYPICAL_INITIAL_TERM_YEARS,
  TYPICAL_RENEWAL_NOTICE_DAYS,
} from "../../../workbook/models/deal/defaults";
import { stateBinder } from "../../wizard/bind";
import { Fields, Section } from "../../wizard/form";
import type { StepProps } from "../../wizard/types";
import type { DealDraft } from "../draft";
import { useStepStyles } from "../../wizard/step-styles";

const typical = ({ low, high }: { low: number; high: number }, unit: string) => `Typical ${low}–${high}${unit}`;

export function TermsStep(props: StepProps<DealDraft>) {
  const styles = useStepStyles();
  const bind = stateBinder(props);
  return (
    <div className={styles.stack}>
      <Section
        legend="Liability cap"
        note="Liability is capped at the greater of a fixed floor and a multiple of 12 months of fees paid; no consequential damages, and no cap for IP infringement or confidentiality breaches."
      >
        <Fields
          bind={bind}
          fields={[
            [
              {
                key: "liabilityFloor",
                path: "terms.liabilityFloor",
                label: "Liability floor",
                hint: `E.g. ${DEFAULT_LIABILITY_FLOOR.toLocaleString("en-US")}`,
              },
              {
                key: "liabilityMultiple",
                path: "terms.liabilityMultiple",
                label: "Liability multiple",
                hint: "× 12 months of fees paid; typical 1",
                suffix: "×",
              },
            ],
          ]}
        />
      </Section>
      <Section legend="Indemnity cap">
        <Fields
          bind={bind}
          fields={[
            {
              key: "indemnityMultiple",
              path: "terms.indemnityMultiple",
              label: "Indemnity multiple",
              hint: `× annual partnership value; ${typical(TYPICAL_INDEMNITY_MULTIPLES, "×").toLowerCase()}`,
              suffix: "×",
              width: "medium",
            },
          ]}
        />
      </Section>
      <Section legend="Term and renewal">
        <Fields
          bind={bind}
          fields={[
            [
              {
                key: "initialTermYears",
                path: "terms.initialTermYears",
                label: "Initial term (years)",
                hint: typical(TYPICAL_INITIAL_TERM_YEARS, " years"),
              },
              {
                key: "renewalNoticeDays",
                path: "terms.renewalNoticeDays",
                label: "Renewal notice (days)",
                hint: typical(TYPICAL_RENEWAL_NOTICE_DAYS, " days"),
              },
            ],
          ]}
        />
      </Section>
    </div>
  );
}
