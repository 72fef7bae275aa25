import { Body1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { DealInputSchema, type DealInput } from "../../../workbook/models/deal/input";
import { ReviewPage } from "../../wizard/ReviewPage";
import type { StepProps } from "../../wizard/types";
import { toDealModelInput, type DealDraft } from "../draft";
import { moneyText, previewDeal } from "../preview";
import { fractionToPercentText } from "../../wizard/typed-numbers";
import { useStepStyles } from "../../wizard/step-styles";
import { useAwaited } from "../../wizard/useAwaited";

const pct = (fraction: number) => `${fractionToPercentText(fraction)}%`;

function shareText(input: DealInput): string {
  const share = input.revenueShare;
  if (share.basis === "byYear") return `By contract year: ${share.rates.map(pct).join(" / ")} (the last continues)`;
  const money = (value: number) => moneyText(value, input.currency);
  return `By yearly revenue, ${share.method}: ${share.tiers.map((t) => `${pct(t.rate)} from ${money(t.from)}`).join(", ")}`;
}

function facts(input: DealInput): [string, string][] {
  const money = (value: number) => moneyText(value, input.currency);
  const { referral, reseller, coMarketing, terms } = input;
  const limits = [
    referral.minimum !== null ? `at least ${money(referral.minimum)}` : "",
    referral.maximum !== null ? `at most ${money(referral.maximum)}` : "",
  ].filter(Boolean);
  return [
    ["Partner", input.partnerName || "(not named)"],
    ["Revenue share", shareText(input)],
    ["Referral fee", `${pct(referral.rate)} of year 1 revenue${limits.length > 0 ? `, ${limits.join(" and ")}` : ""}`],
    ["Reseller", reseller ? `${pct(reseller.discount)} off a list price of ${money(reseller.listPrice)}` : "None"],
    ["Co-marketing", `${money(coMarketing.budget)} a year, our share ${pct(coMarketing.ourShare)}`],
    ["Forecast", `${input.termYears} years: ${input.revenue.map(money).join(" / ")}`],
    ["Liability cap", `Greater of ${money(terms.liabilityFloor)} and ${terms.liabilityMultiple}× 12 months' fees`],
    ["Indemnity cap", `${terms.indemnityMultiple}× annual partnership value`],
    ["Renewal", `After ${terms.initialTermYears} years, ${terms.renewalNoticeDays} days' notice`],
  ];
}

export function DealReviewStep(props: StepProps<DealDraft>) {
  const { state } = props;
  const styles = useStepStyles();
  const input = useMemo(() => {
    const parsed = DealInputSchema.safeParse(toDealModelInput(state).input);
    return parsed.success ? parsed.data : undefined;
  }, [state]);
  const preview = useAwaited(useMemo(() => (input ? previewDeal(input) : undefined), [input]));
  const money = (value: number) => moneyText(value, input?.currency ?? "");
  return (
    <ReviewPage
      {...props}
      intro="The deal model goes on a new sheet; nothing already in the workbook is changed."
      chartLabel="Add a chart of partner payout by year"
      rows={input ? facts(input) : []}
    >
      {preview ? (
        <section className={styles.card} aria-labelledby="deal-preview-heading" data-testid="payout-preview">
          <Body1 as="h3" id="deal-preview-heading" className={styles.dt} style={{ margin: 0 }}>
            Partner payout the schedule will show
          </Body1>
          <ul className={styles.list}>
            {preview.payouts.map((payout, i) => (
              <li key={i}>
                Year {i + 1}: {money(payout)}
              </li>
            ))}
          </ul>
          <Body1>
            Total {money(preview.totalPayout)} on {money(preview.totalRevenue)} of revenue, plus a referral fee of{" "}
            {money(preview.referralFee)} in year 1.
          </Body1>
        </section>
      ) : null}
    </ReviewPage>
  );
}
