import functionsJson from "../../generated/functions.json";

/** One PE function as the pane lists it, derived from functions.json (the JSDoc), never retyped. */
export interface PaneFunction {
  id: string;
  /** As typed in a cell: `PE.PARTNER_SCORE`. */
  qualifiedName: string;
  /** `PE.PARTNER_SCORE(ratings, [weights], [scale])` */
  signature: string;
  description: string;
  /** The function's section of reference.html, relative to the pane's page. */
  referenceLink: string;
}

interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; optional?: boolean }[];
}

export function listPeFunctions(metadata: { functions: MetadataFunction[] } = functionsJson): PaneFunction[] {
  return metadata.functions.map((fn) => {
    const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    return {
      id: fn.id,
      qualifiedName: `PE.${fn.name}`,
      signature: `PE.${fn.name}(${params.join(", ")})`,
      description: fn.description ?? "",
      referenceLink: `reference.html#pe-${fn.id.toLowerCase()}`,
    };
  });
}
