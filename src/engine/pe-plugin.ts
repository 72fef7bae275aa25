import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
} from "hyperformula";
import type { Shape } from "../core/excel-values";
import { bindingFor, catalog, type FunctionBinding } from "../core/catalog";
import { EngineAbort, toCoreArgument } from "./engine-arguments";
import { toEngineValue, type EngineValue } from "./engine-results";
import { isMatrixParameter, peFunctions, qualifiedName, signatureOf, type FunctionMetadata } from "./function-metadata";

/**
 * The PE functions as one HyperFormula function plugin, built from functions.json and the catalog's
 * bindings: nothing here names a particular function. Every parameter is `ANY` (HyperFormula's
 * typed parameters coerce silently: an array given to NUMBER becomes its first value, `,,` becomes
 * 0), so omission, blanks and errors are decided here, the way Excel passes them to custom functions.
 */
export interface PeFunction {
  metadata: FunctionMetadata;
  binding: FunctionBinding;
  name: string;
  signature: string;
  requiredCount: number;
  matrixParameters: boolean[];
}

/** The parts of HyperFormula's AST this plugin reads (its AST types are not exported). */
interface ArgumentAst {
  type: string;
  value?: unknown;
}
interface CallAst {
  args: ArgumentAst[];
}

const OMITTED_ARGUMENT = "EMPTY";
const NUMBER_LITERAL = "NUMBER";

/** The number typed as argument `index` (as in `PE.DISTINCT_KEYS(A2:A99, 30)`), undefined for anything else. */
function typedNumber(ast: CallAst, index: number): number | undefined {
  const argument = ast.args[index];
  return argument?.type === NUMBER_LITERAL && typeof argument.value === "number" ? argument.value : undefined;
}

function isOmitted(ast: CallAst, index: number): boolean {
  return index >= ast.args.length || ast.args[index].type === OMITTED_ARGUMENT;
}

function methodName(fn: FunctionMetadata): string {
  return `pe_${fn.id}`;
}

function sizeMethodName(fn: FunctionMetadata): string {
  return `pe_${fn.id}_size`;
}

/** Pairs every metadata function with its binding, failing loudly when the two lists disagree. */
function pairFunctionsWithBindings(): PeFunction[] {
  const unbound = peFunctions.filter((fn) => bindingFor(fn.id) === undefined).map((fn) => fn.id);
  const declared = new Set(peFunctions.map((fn) => fn.id));
  const undeclared = Object.keys(catalog).filter((id) => !declared.has(id));
  if (unbound.length > 0 || undeclared.length > 0) {
    const problems = [
      unbound.length > 0 ? `functions.json declares ${unbound.join(", ")} with no binding in src/core/catalog.ts` : "",
      undeclared.length > 0
        ? `catalog.ts binds ${undeclared.join(", ")}, which functions.json does not declare (run npm run build:metadata)`
        : "",
    ];
    throw new Error(`PE functions out of sync: ${problems.filter(Boolean).join("; ")}`);
  }
  return peFunctions.map((metadata) => ({
    metadata,
    binding: bindingFor(metadata.id) as FunctionBinding,
    name: qualifiedName(metadata),
    signature: signatureOf(metadata),
    requiredCount: metadata.parameters.filter((parameter) => !parameter.optional).length,
    matrixParameters: metadata.parameters.map(isMatrixParameter),
  }));
}

export class PeFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  callPeFunction(fn: PeFunction, ast: CallAst, state: unknown): EngineValue {
    const count = ast.args.length;
    if (count > fn.metadata.parameters.length) {
      return new CellError(
        ErrorType.NA,
        `${fn.name} takes at most ${fn.metadata.parameters.length} arguments, not ${count}: ${fn.signature}`,
      );
    }
    if (count < fn.requiredCount) {
      const missing = fn.metadata.parameters[count];
      return new CellError(ErrorType.NA, `${fn.name} needs ${missing.name} (argument ${count + 1}): ${fn.signature}`);
    }
    const coreArguments: unknown[] = [];
    try {
      for (let index = 0; index < fn.metadata.parameters.length; index++) {
        const omitted = isOmitted(ast, index);
        const value = omitted ? undefined : this.evaluateAst(ast.args[index] as never, state as never);
        coreArguments.push(toCoreArgument(value, fn.matrixParameters[index], omitted));
      }
    } catch (caught) {
      if (caught instanceof EngineAbort) return caught.error;
      throw caught;
    }
    const result = fn.binding.compute(...coreArguments);
    return toEngineValue(result, fn.name, () => this.predictShape(fn, ast, state));
  }

  /** The spill size from the formula's syntax alone: the binding's shape rule over the arguments' sizes. */
  predictShape(fn: PeFunction, ast: CallAst, state: unknown): Shape {
    if (ast.args.length > fn.metadata.parameters.length) return { rows: 1, cols: 1 };
    const shapes = fn.metadata.parameters.map((_, index) => {
      if (isOmitted(ast, index)) return undefined;
      const size = this.arraySizeForAst(ast.args[index] as never, state as never);
      return { rows: size.height, cols: size.width };
    });
    const typedNumbers = fn.metadata.parameters.map((_, index) => typedNumber(ast, index));
    return fn.binding.resultShape(shapes, typedNumbers);
  }

  predictArraySize(fn: PeFunction, ast: CallAst, state: unknown): ArraySize {
    const shape = this.predictShape(fn, ast, state);
    return new ArraySize(shape.cols, shape.rows);
  }
}

let registeredFunctions: readonly PeFunction[] | undefined;

function translationsFor(functions: readonly PeFunction[]): Record<string, string> {
  return Object.fromEntries(functions.map((fn) => [fn.name, fn.name]));
}

/**
 * Registers the PE functions with HyperFormula (its registry is global), once. Function names stay
 * `PE.*` in every language, as Excel keeps a custom function's name; translations are added for
 * every language registered now, and `ensureLanguageKnowsPeFunctions` covers later ones.
 */
export function registerPeFunctions(): readonly PeFunction[] {
  if (registeredFunctions) return registeredFunctions;
  const functions = pairFunctionsWithBindings();
  const implemented: ImplementedFunctions = {};
  const prototype = PeFunctionPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of functions) {
    implemented[fn.name] = {
      method: methodName(fn.metadata),
      sizeOfResultArrayMethod: sizeMethodName(fn.metadata),
      parameters: fn.metadata.parameters.map((parameter) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: parameter.optional === true,
      })),
      vectorizationForbidden: true,
    };
    prototype[methodName(fn.metadata)] = function (this: PeFunctionPlugin, ast: CallAst, state: unknown) {
      return this.callPeFunction(fn, ast, state);
    };
    prototype[sizeMethodName(fn.metadata)] = function (this: PeFunctionPlugin, ast: CallAst, state: unknown) {
      return this.predictArraySize(fn, ast, state);
    };
  }
  PeFunctionPlugin.implementedFunctions = implemented;
  const translations = translationsFor(functions);
  HyperFormula.registerFunctionPlugin(
    PeFunctionPlugin,
    Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, translations])),
  );
  registeredFunctions = functions;
  return functions;
}

/** Adds the PE names to a language registered after the functions were. */
export function ensureLanguageKnowsPeFunctions(languageCode: string): void {
  const functions = registerPeFunctions();
  if (!HyperFormula.getRegisteredLanguagesCodes().includes(languageCode)) return;
  const language = HyperFormula.getLanguage(languageCode);
  const missing = functions.filter((fn) => !language.isFunctionTranslated(fn.name));
  if (missing.length > 0) language.extendFunctions(translationsFor(missing));
}
