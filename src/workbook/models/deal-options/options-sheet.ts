/** What the parts of the deal-options sheet share while they write: the builder, the input, the names and where inputs are. */
import { SheetBuilder, titleWithPartner } from "../shared/sheet-builder";
import { currencyFormat } from "../shared/theme";
import type { DealOptionsInput } from "./input";
import { optionNames, sharedNames, type OptionNameKey, type OptionNames, type SharedNameKey, type SharedNames } from "./names";

export class OptionsSheet {
  readonly money: string;
  readonly names: SharedNames;
  readonly optionNames: OptionNames[];
  /** A1 cell or range of each named shared input. */
  readonly inputs: Partial<Record<SharedNameKey, string>> = {};
  /** A1 cell or range of each option's named inputs. */
  readonly optionInputs: Partial<Record<OptionNameKey, string>>[];

  readonly b: SheetBuilder;

  /** Starts the sheet: its title, a note on what to change, a blank row. */
  constructor(
    sheetName: string,
    readonly input: DealOptionsInput,
    suffix: string,
  ) {
    this.b = new SheetBuilder(sheetName);
    this.b.title(
      titleWithPartner("Deal options", input.partnerName),
      "Yellow cells are the assumptions: change any of them and both sides' numbers, the verdicts and the grid recalculate.",
    );
    this.b.skip(1);
    this.money = currencyFormat(input.currency);
    this.names = sharedNames(suffix);
    this.optionNames = input.options.map((option, i) => optionNames(option, i, suffix));
    this.optionInputs = input.options.map(() => ({}));
  }

  /** Where the sheet and its named inputs are: the start of the model's layout. */
  placed() {
    const { names, inputs, optionNames, optionInputs } = this;
    return { sheet: this.b.sheet, termYears: this.input.termYears, names, inputs, optionNames, optionInputs };
  }

  /** A shared input cell: filled as an input and given its defined name. */
  namedInput(key: SharedNameKey, range: string, comment: string): void {
    this.inputs[key] = range;
    this.b.input(range);
    this.b.name(this.names[key], range, comment);
  }

  /** An option's input cell or range: filled as an input and named Options_A_…. */
  optionInput(index: number, key: OptionNameKey, range: string, comment: string): void {
    this.optionInputs[index][key] = range;
    this.b.input(range);
    this.b.name(this.optionNames[index][key]!, range, comment);
  }

  /** "Option A" or "Option A: Rev share". */
  optionTitle(index: number): string {
    const name = this.input.options[index].name;
    const letter = String.fromCharCode(65 + index);
    return name === "" ? `Option ${letter}` : `Option ${letter}: ${name}`;
  }
}
