/**
 * CONVERT(number, from_unit, to_unit) with Excel's unit table: the units, their factors to one
 * unit of their kind, and which of them take a metric prefix (k, M, da, …; and ki, Mi, … for bit
 * and byte). A prefix on a squared or cubed unit is squared or cubed with it ("km2" is 10⁶ m²).
 * Units are case-sensitive; units of different kinds, or unknown ones, are #N/A.
 * Reference: https://support.microsoft.com/office/convert-function-d785bef1-808e-4aac-bdcd-666c810f9af2
 */
import { CellError } from "hyperformula";
import { naError, toNumber, toText, type Value } from "./values";

type Kind =
  | "mass"
  | "length"
  | "time"
  | "pressure"
  | "force"
  | "energy"
  | "power"
  | "magnetism"
  | "temperature"
  | "volume"
  | "area"
  | "information"
  | "speed";

interface Unit {
  kind: Kind;
  /** How many of the kind's base unit one of this unit is (temperatures: see toKelvin). */
  factor: number;
  prefixed: boolean;
  /** 2 for an area unit written with "2", 3 for a volume unit with "3": the power a prefix is raised to. */
  power?: number;
}

const LBF = 0.45359237 * 9.80665;
const FOOT = 0.3048;
const LIGHT_YEAR = 9_460_730_472_580_800;
const PICA_POINT = 0.0254 / 72;

const UNITS = new Map<string, Unit>();
function define(kind: Kind, factor: number, prefixed: boolean, ...names: string[]): void {
  for (const name of names) UNITS.set(name, { kind, factor, prefixed });
}
/** An area or volume unit, under both spellings "ft2" and "ft^2". */
function definePower(kind: "area" | "volume", power: number, factor: number, prefixed: boolean, ...bases: string[]): void {
  for (const base of bases)
    for (const name of [`${base}${power}`, `${base}^${power}`]) UNITS.set(name, { kind, factor, prefixed, power });
}

define("mass", 1, true, "g");
define("mass", 14593.902937206363, false, "sg");
define("mass", 453.59237, false, "lbm");
define("mass", 1.660538782e-24, true, "u");
define("mass", 28.349523125, false, "ozm");
define("mass", 0.06479891, false, "grain");
define("mass", 45359.237, false, "cwt", "shweight");
define("mass", 50802.34544, false, "uk_cwt", "lcwt", "hweight");
define("mass", 6350.29318, false, "stone");
define("mass", 907184.74, false, "ton");
define("mass", 1016046.9088, false, "uk_ton", "LTON", "brton");

define("length", 1, true, "m");
define("length", 1609.344, false, "mi");
define("length", 1852, false, "Nmi");
define("length", 0.0254, false, "in");
define("length", FOOT, false, "ft");
define("length", 0.9144, false, "yd");
define("length", 1e-10, true, "ang");
define("length", 1.143, false, "ell");
define("length", LIGHT_YEAR, true, "ly");
define("length", 30_856_775_812_815_530, true, "parsec", "pc");
define("length", PICA_POINT, false, "Picapt", "Pica");
define("length", 0.0254 / 6, false, "pica");
define("length", (5280 * 1200) / 3937, false, "survey_mi");

define("time", 31_557_600, false, "yr");
define("time", 86_400, false, "day", "d");
define("time", 3600, false, "hr");
define("time", 60, false, "mn", "min");
define("time", 1, true, "sec", "s");

define("pressure", 1, true, "Pa", "p");
define("pressure", 101_325, true, "atm", "at");
define("pressure", 133.322, true, "mmHg");
define("pressure", LBF / 0.0254 ** 2, false, "psi");
define("pressure", 101_325 / 760, false, "Torr");

define("force", 1, true, "N");
define("force", 1e-5, true, "dyn", "dy");
define("force", LBF, false, "lbf");
define("force", 9.80665e-3, true, "pond");

define("energy", 1, true, "J");
define("energy", 1e-7, true, "e");
define("energy", 4.184, true, "c");
define("energy", 4.1868, true, "cal");
define("energy", 1.602176487e-19, true, "eV", "ev");
define("energy", LBF * FOOT * 550 * 3600, false, "HPh", "hh");
define("energy", 3600, true, "Wh", "wh");
define("energy", LBF * FOOT, false, "flb");
define("energy", 1055.05585262, false, "BTU", "btu");

define("power", LBF * FOOT * 550, false, "HP", "h");
define("power", 735.49875, false, "PS");
define("power", 1, true, "W", "w");

define("magnetism", 1, true, "T");
define("magnetism", 1e-4, true, "ga");

define("temperature", 1, false, "C", "cel", "F", "fah", "Rank", "Reau");
define("temperature", 1, true, "K", "kel");

define("volume", 0.00492892159375, false, "tsp");
define("volume", 0.005, false, "tspm");
define("volume", 0.01478676478125, false, "tbs");
define("volume", 0.0295735295625, false, "oz");
define("volume", 0.2365882365, false, "cup");
define("volume", 0.473176473, false, "pt", "us_pt");
define("volume", 0.56826125, true, "uk_pt");
define("volume", 0.946352946, false, "qt");
define("volume", 1.1365225, false, "uk_qt");
define("volume", 3.785411784, false, "gal");
define("volume", 4.54609, false, "uk_gal");
define("volume", 1, true, "l", "L", "lt");
define("volume", 158.987294928, false, "barrel");
define("volume", 35.23907016688, false, "bushel");
define("volume", 2831.6846592, false, "regton", "GRT");
define("volume", 1132.67386368, false, "MTON");
definePower("volume", 3, 1e-27, true, "ang");
definePower("volume", 3, FOOT ** 3 * 1000, false, "ft");
definePower("volume", 3, 0.0254 ** 3 * 1000, false, "in");
definePower("volume", 3, LIGHT_YEAR ** 3 * 1000, false, "ly");
definePower("volume", 3, 1000, true, "m");
definePower("volume", 3, 1609.344 ** 3 * 1000, false, "mi");
definePower("volume", 3, 0.9144 ** 3 * 1000, false, "yd");
definePower("volume", 3, 1852 ** 3 * 1000, false, "Nmi");
definePower("volume", 3, PICA_POINT ** 3 * 1000, false, "Picapt", "Pica");

define("area", 4046.8564224, false, "uk_acre");
define("area", 4046.8726098742522, false, "us_acre");
define("area", 100, true, "ar");
define("area", 10_000, false, "ha");
define("area", 2500, false, "Morgen");
definePower("area", 2, 1e-20, true, "ang");
definePower("area", 2, FOOT ** 2, false, "ft");
definePower("area", 2, 0.0254 ** 2, false, "in");
definePower("area", 2, LIGHT_YEAR ** 2, false, "ly");
definePower("area", 2, 1, true, "m");
definePower("area", 2, 1609.344 ** 2, false, "mi");
definePower("area", 2, 1852 ** 2, false, "Nmi");
definePower("area", 2, PICA_POINT ** 2, false, "Picapt", "Pica");
definePower("area", 2, 0.9144 ** 2, false, "yd");

define("information", 1, true, "bit");
define("information", 8, true, "byte");

define("speed", 1853.184, false, "admkn");
define("speed", 1852, false, "kn");
define("speed", 1, true, "m/h", "m/hr");
define("speed", 3600, true, "m/s", "m/sec");
define("speed", 1609.344, true, "mph");

const PREFIXES = new Map<string, number>([
  ["Y", 1e24],
  ["Z", 1e21],
  ["E", 1e18],
  ["P", 1e15],
  ["T", 1e12],
  ["G", 1e9],
  ["M", 1e6],
  ["k", 1e3],
  ["h", 1e2],
  ["da", 1e1],
  ["e", 1e1],
  ["d", 1e-1],
  ["c", 1e-2],
  ["m", 1e-3],
  ["u", 1e-6],
  ["n", 1e-9],
  ["p", 1e-12],
  ["f", 1e-15],
  ["a", 1e-18],
  ["z", 1e-21],
  ["y", 1e-24],
]);
const BINARY_PREFIXES = new Map<string, number>([
  ["ki", 2 ** 10],
  ["Mi", 2 ** 20],
  ["Gi", 2 ** 30],
  ["Ti", 2 ** 40],
  ["Pi", 2 ** 50],
  ["Ei", 2 ** 60],
  ["Zi", 2 ** 70],
  ["Yi", 2 ** 80],
]);

interface Resolved {
  name: string;
  unit: Unit;
  /** The prefix's factor, already raised to the unit's power. */
  scale: number;
}

/** Every reading of a unit text: the unit itself first, then prefix + unit ("pc" is a parsec and a pico-calorie). */
function readings(text: string): Resolved[] {
  const found: Resolved[] = [];
  const exact = UNITS.get(text);
  if (exact) found.push({ name: text, unit: exact, scale: 1 });
  for (const [prefixes, binary] of [
    [BINARY_PREFIXES, true],
    [PREFIXES, false],
  ] as const) {
    for (const [prefix, factor] of prefixes) {
      if (!text.startsWith(prefix)) continue;
      const name = text.slice(prefix.length);
      const unit = UNITS.get(name);
      if (!unit || !unit.prefixed) continue;
      if (binary && unit.kind !== "information") continue;
      found.push({ name, unit, scale: factor ** (unit.power ?? 1) });
    }
  }
  return found;
}

function toKelvin(value: number, name: string): number {
  switch (name) {
    case "C":
    case "cel":
      return value + 273.15;
    case "F":
    case "fah":
      return ((value - 32) * 5) / 9 + 273.15;
    case "Rank":
      return (value * 5) / 9;
    case "Reau":
      return value * 1.25 + 273.15;
    default:
      return value;
  }
}

function fromKelvin(kelvin: number, name: string): number {
  switch (name) {
    case "C":
    case "cel":
      return kelvin - 273.15;
    case "F":
    case "fah":
      return ((kelvin - 273.15) * 9) / 5 + 32;
    case "Rank":
      return (kelvin * 9) / 5;
    case "Reau":
      return (kelvin - 273.15) / 1.25;
    default:
      return kelvin;
  }
}

export function convert(args: (Value | undefined)[]): Value {
  const number = toNumber(args[0]);
  const fromText = toText(args[1]);
  const toUnitText = toText(args[2]);
  if (number instanceof CellError) return number;
  if (fromText instanceof CellError) return fromText;
  if (toUnitText instanceof CellError) return toUnitText;
  const targets = readings(toUnitText);
  let from: Resolved | undefined;
  let to: Resolved | undefined;
  for (const candidate of readings(fromText)) {
    to = targets.find((target) => target.unit.kind === candidate.unit.kind);
    if (to) {
      from = candidate;
      break;
    }
  }
  if (!from || !to) return naError(`cannot convert "${fromText}" to "${toUnitText}"`);
  if (from.unit.kind === "temperature") {
    const kelvin = toKelvin(number * from.scale, from.name);
    return fromKelvin(kelvin, to.name) / to.scale;
  }
  return (number * from.scale * from.unit.factor) / (to.unit.factor * to.scale);
}
