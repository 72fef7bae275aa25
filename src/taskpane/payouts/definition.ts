/** The payout wizard, as data for the wizard runner. */
import { buildPayoutsPlan, PAYOUTS_SETTINGS_KEY, restorePayoutPlan } from "../../workbook/models/payouts";
import { PAYOUTS_INPUT_VERSION, PAYOUTS_WIZARD_ID, PayoutsInputSchema } from "../../workbook/models/payouts/input";
import { serializePayoutsInput } from "../../workbook/models/payouts/saved";
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

const saved = savedDraftCodec({
  wizard: PAYOUTS_WIZARD_ID,
  draftSchema: PayoutsDraftSchema,
  serialize(state, ui) {
    const parsed = PayoutsInputSchema.safeParse({ ...toPayoutsModelInput(state).input, ledger: [] });
    const withUi = { draft: savedDraft(ui.draft), step: ui.step };
    if (parsed.success) return serializePayoutsInput(parsed.data, withUi);
    return JSON.stringify({ wizard: PAYOUTS_WIZARD_ID, version: PAYOUTS_INPUT_VERSION, ui: withUi }, null, 2);
  },
  restoreInput: restorePayoutPlan,
  draftFromInput: draftFromPlan,
});

export const payoutsWizard: WizardDefinition<PayoutsDraft> = {
  id: "payouts",
  title: "Partner payouts",
  description:
    "A payout book from a transaction ledger: each transaction's payout under running tiers, a summary by partner and period with floor and cap, and a statement per partner.",
  settingsKey: PAYOUTS_SETTINGS_KEY,
  initialState: initialPayoutsDraft,
  restore: saved.restore,
  save: saved.save,
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
