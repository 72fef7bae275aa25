import {
  DEFAULT_LIABILITY_FLOOR,
  TYPICAL_INDEMNITY_MULTIPLES,
  TYPICAL_INITIAL_TERM_YEARS,
  TYPICAL_RENEWAL_NOTICE_DAYS,
} from "../../../workbook/models/deal/defaults";
import { stateBinder } from "../../wizard/bind";
import { Sections, type SectionSpec } from "../../wizard/form";
import type { StepProps } from "../../wizard/types";
import type { DealDraft } from "../draft";

const typical = ({ low, high }: { low: number; high: number }, unit: string) => `Typical ${low}–${high}${unit}`;

const SECTIONS: SectionSpec<DealDraft>[] = [
  {
    legend: "Liability cap",
    note: "Liability is capped at the greater of a fixed floor and a multiple of 12 months of fees paid; no consequential damages, and no cap for IP infringement or confidentiality breaches.",
    fields: [
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
    ],
  },
  {
    legend: "Indemnity cap",
    fields: [
      {
        key: "indemnityMultiple",
        path: "terms.indemnityMultiple",
        label: "Indemnity multiple",
        hint: `× annual partnership value; ${typical(TYPICAL_INDEMNITY_MULTIPLES, "×").toLowerCase()}`,
        suffix: "×",
        width: "medium",
      },
    ],
  },
  {
    legend: "Term and renewal",
    fields: [
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
    ],
  },
];

export function TermsStep(props: StepProps<DealDraft>) {
  return <Sections bind={stateBinder(props)} sections={SECTIONS} />;
}
