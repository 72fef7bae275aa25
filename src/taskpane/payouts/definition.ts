/** The payout wizard, as data for the wizard runner. */
import { buildPayoutsPlan, PAYOUTS_SAVED_INPUT } from "../../workbook/models/payouts";
import { savedDraftCodec } from "../wizard/saved-draft";
import type { WizardDefinition } from "../wizard/types";
import { checkPayoutsDraft, PAYOUT_STEP_IDS, payoutStepOfField } from "./check";
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

const saved = savedDraftCodec(PAYOUTS_SAVED_INPUT, {
  draftSchema: PayoutsDraftSchema,
  // The plan alone: the ledger goes to the sheet, never into the settings.
  modelInput: (state) => ({ ...toPayoutsModelInput(savedDraft(state)).input, ledger: [] }),
  draftFromInput: draftFromPlan,
});

export const payoutsWizard: WizardDefinition<PayoutsDraft> = {
  id: "payouts",
  title: "Partner payouts",
  description:
    "A payout book from a transaction ledger: each transaction's payout under running tiers, a summary by partner and period with floor and cap, and a statement per partner.",
  ...saved,
  // The draft as typed, but a long pasted ledger is left out of the settings (the sheet has it).
  save: (state, stepId) => saved.save(savedDraft(state), stepId),
  initialState: initialPayoutsDraft,
  steps: [
    { id: PAYOUT_STEP_IDS.ledger, title: "Ledger and columns", Component: LedgerStep },
    { id: PAYOUT_STEP_IDS.plan, title: "Tiers, periods, floor and cap", Component: PlanStep },
    { id: PAYOUT_STEP_IDS.review, title: "Review and write", Component: PayoutsReviewStep },
  ],
  check: checkPayoutsDraft,
  stepOfField: payoutStepOfField,
  buildPlan(state, inventory) {
    const { input } = toPayoutsModelInput(state);
    const { plan, layout } = buildPayoutsPlan(input, inventory.sheetNames, [...inventory.definedNames, ...inventory.tableNames]);
    return {
      plan,
      progressLabel: `Writing ${layout.ledger.transactions.toLocaleString("en")} transactions and their payouts`,
    };
  },
  writeLabel: "Write the payout book",
  summarize(_summary, state) {
    const { transactions } = toPayoutsModelInput(state);
    return [
      `${transactions.length.toLocaleString("en")} transactions; add more in the first empty row under the ledger`,
      "Choose a partner in the statement's drop-down to print its statement",
    ];
  },
};
