/** Payout amounts carry cents, so the book shows two decimals with the plan's currency in front. */
export function moneyFormat(currency: string): string {
  return currency === "" ? "#,##0.00" : `"${currency}"#,##0.00`;
}
