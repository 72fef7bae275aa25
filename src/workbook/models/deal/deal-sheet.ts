/** What the parts of the deal sheet share while they write: the builder, the input, its names and inputs. */
import { SheetBuilder, titleWithPartner } from "../shared/sheet-builder";
import { currencyFormat } from "../shared/theme";
import type { DealInput } from "./input";
import type { DealNameKey, DealNames } from "./names";

export class DealSheet {
  readonly money: string;
  /** A1 cell or range of each named input, in the order they were written. */
  readonly inputs: Partial<Record<DealNameKey, string>> = {};

  readonly b: SheetBuilder;

  /** Starts the sheet: its title, a note on what to change, a blank row. */
  constructor(
    sheetName: string,
    readonly input: DealInput,
    readonly names: DealNames,
  ) {
    this.money = currencyFormat(input.currency);
    this.b = new SheetBuilder(sheetName);
    this.b.title(
      titleWithPartner("Deal model", input.partnerName),
      "Yellow cells are the assumptions: change any of them and the schedule, totals and caps recalculate.",
    );
    this.b.skip(1);
  }

  /** Where the sheet and its named inputs are: the start of the model's layout. */
  placed() {
    return { sheet: this.b.sheet, names: this.names, inputs: this.inputs, termYears: this.input.termYears };
  }

  /** An input cell the user changes: filled as an input and given its defined name. */
  namedInput(key: DealNameKey, range: string, comment: string): void {
    this.inputs[key] = range;
    this.b.input(range);
    this.b.name(this.names[key]!, range, comment);
  }
}
