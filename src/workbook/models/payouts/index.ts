/**
 * The payout book as a WorkbookPlan, on one sheet from top to bottom: the plan as named inputs
 * (with the data of the paid-by-period chart beside it), the partner × period summary (earned,
 * paid, balance, with totals), a printable statement of one partner chosen from a drop-down, and
 * the ledger (a table of the transactions, each one's period and payout beside it).
 *
 * Every formula reads the named inputs and the ledger's covered rows (ledger.ts says why they are
 * array formulas over a fixed range rather than per-row formulas or structured references), so a
 * changed rate, floor or cap, or a transaction added under the table, recalculates every payout,
 * summary figure and statement line in Excel, in the engine and in a saved file alike.
 * The summary has a row per partner and a column per period of the ledger as written (periods
 * run to the end of the last one's fiscal year); a new partner or a later period needs the book
 * built again, and the "Not in the summary" check beside the totals shows what it leaves out.
 */
import { uniqueDefinedName } from "../../defined-names";
import { defineModel } from "../shared/build-model-plan";
import { SheetBuilder } from "../shared/sheet-builder";
import { validatePayoutsInput, type PayoutsInput, type PayoutsInputDraft } from "./input";
import type { PayoutsLayout } from "./layout";
import { ledgerTableName, payoutNames, reservedPayoutNames } from "./names";
import { PAYOUTS_SAVED_INPUT } from "./saved";
import { writePayoutSheet } from "./payout-sheet";

export type { PayoutsLayout } from "./layout";
export { PAYOUTS_SAVED_INPUT, PAYOUTS_SETTINGS_KEY, restorePayoutPlan, serializePayoutsInput, type PayoutPlan } from "./saved";

const payoutsModel = defineModel<PayoutsInputDraft, PayoutsInput, PayoutsLayout>(
  "payout book",
  { validate: validatePayoutsInput, saved: PAYOUTS_SAVED_INPUT, reservedNames: reservedPayoutNames },
  (input, { sheetName, suffix, existingNames }) => {
    const b = new SheetBuilder(sheetName);
    const tableName = uniqueDefinedName(ledgerTableName(suffix), existingNames);
    const { sheet, layout } = writePayoutSheet(b, input, payoutNames(suffix), tableName);
    return { sheet, names: b.names(), layout };
  },
);

/** buildPayoutsPlan: the workbook's sheet and defined names make the plan's own unique (a second book gets "Payouts (2)" and Pay2_… names). */
export const { InputError: PayoutsInputError, buildPlan: buildPayoutsPlan } = payoutsModel;
export type PayoutsInputError = InstanceType<typeof PayoutsInputError>;
