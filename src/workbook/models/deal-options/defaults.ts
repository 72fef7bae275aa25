/**
 * The deal-options model's starting points, from the negotiation reading of the playbooks (domain
 * READING.md, file 002 "Contract Negotiation Strategies"; file 001 "Economic leverage"): propose
 * two to four structures that are all acceptable to us, know our three positions (ideal,
 * acceptable, walk-away) and the partner's BATNA, and check that both sides beat walking away.
 */
export const DEFAULT_OPTIONS_SHEET_NAME = "Deal options";
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 4;
/** The options' letters, also the middle part of their defined names (Options_A_FlatFee). */
export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;
/** Longer terms make the sensitivity workings and the formulas long for little gain in a negotiation. */
export const MAX_OPTION_TERM_YEARS = 20;
export const DEFAULT_DISCOUNT_RATE = 0.1;
/** Revenue changes across the sensitivity grid's columns. */
export const REVENUE_CHANGES: readonly number[] = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3];
/** The main rate or fee across the grid's rows, as a multiple of the option's own value. */
export const LEVER_MULTIPLES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5];
