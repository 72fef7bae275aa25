/** The payout wizard, as data for the wizard runner. */
import { buildPayoutsPlan, PAYOUTS_SAVED_INPUT } from "../../workbook/models/payouts";
import { counted, defineWizard, stepsOf } from "../wizard/define-wizard";
import { checkPayoutsDraft, PAYOUT_STEP_IDS as STEP, payoutStepOfField } from "./check";
import { draftFromPlan, initialPayoutsDraft, PayoutsDraftSchema, toPayoutsModelInput, type PayoutsDraft } from "./draft";
import { LedgerStep } from "./steps/LedgerStep";
import { PayoutsReviewStep } from "./steps/PayoutsReviewStep";
import { PlanStep } from "./steps/PlanStep";

/** Document settings hold a few megabytes at most: a pasted ledger longer than this is not kept in the draft (the sheet has it). */
const MAX_SAVED_LEDGER_TEXT = 200_000;

function savedDraft(state: PayoutsDraft): PayoutsDraft {
  const large = state.pasted.length > MAX_SAVED_LEDGER_TEXT || state.selectionCells.length > 2_000;
  return large ? { ...state, pasted: "", selectionCells: [], mappingConfirmed: false } : state;
}

/** The steps in order, by id. */
const TITLES: Record<keyof typeof STEP, string> = {
  ledger: "Ledger and columns",
  plan: "Tiers, periods, floor and cap",
  review: "Review and write",
};

export const payoutsWizard = defineWizard({
  id: "payouts",
  title: "Partner payouts",
  description:
    "A payout book from a transaction ledger: each transaction's payout under running tiers, a summary by partner and period with floor and cap, and a statement per partner.",
  saved: PAYOUTS_SAVED_INPUT,
  draft: {
    initial: initialPayoutsDraft,
    schema: PayoutsDraftSchema,
    fromInput: draftFromPlan,
    toInput: (state) => toPayoutsModelInput(state).input,
    // The draft as typed, but a long pasted ledger is left out of the settings (the sheet has it).
    kept: savedDraft,
    // The plan alone: the ledger goes to the sheet, never into the settings.
    savedInput: (state) => ({ ...toPayoutsModelInput(savedDraft(state)).input, ledger: [] }),
  },
  steps: stepsOf(TITLES, { ledger: LedgerStep, plan: PlanStep, review: PayoutsReviewStep }),
  check: checkPayoutsDraft,
  stepOfField: payoutStepOfField,
  build: buildPayoutsPlan,
  progress: ({ layout }) => `Writing ${counted(layout.ledger.transactions, "transaction")} and their payouts`,
  writeLabel: "Write the payout book",
  summarize(_summary, state) {
    const { transactions } = toPayoutsModelInput(state);
    return [
      `${counted(transactions.length, "transaction")}; add more in the first empty row under the ledger`,
      "Choose a partner in the statement's drop-down to print its statement",
    ];
  },
});
