import functionsJson from "../../generated/functions.json";

/**
 * The PE functions as declared in generated/functions.json (built from the JSDoc in
 * src/functions/functions.ts by `npm run build:metadata`). The engine registration and the CLI
 * help read them from here, so nothing about a function is typed twice.
 */
export interface ParameterMetadata {
  name: string;
  description: string;
  type: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}

/** The custom-functions namespace declared in manifest.xml; Excel shows functions as `PE.NAME`. */
export const FUNCTION_NAMESPACE = "PE";

export const peFunctions: readonly FunctionMetadata[] = (functionsJson as unknown as { functions: FunctionMetadata[] }).functions;

/** The name a user types in a formula, e.g. `PE.PARTNER_SCORE`. */
export function qualifiedName(fn: FunctionMetadata): string {
  return `${FUNCTION_NAMESPACE}.${fn.name}`;
}

export function isMatrixParameter(parameter: ParameterMetadata): boolean {
  return parameter.dimensionality === "matrix";
}

/** `PE.TIER(score, [thresholds], [labels])`: optional parameters in brackets, as Excel shows them. */
export function signatureOf(fn: FunctionMetadata): string {
  const parameters = fn.parameters.map((parameter) => (parameter.optional ? `[${parameter.name}]` : parameter.name));
  return `${qualifiedName(fn)}(${parameters.join(", ")})`;
}
