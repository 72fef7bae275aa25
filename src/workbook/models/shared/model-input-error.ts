import type { FieldIssue } from "../qualification/input";

/** A model's input breaks its rules, so no plan was built: `errors` names each field and what to fix. */
export class ModelInputError extends Error {
  constructor(
    model: string,
    readonly errors: FieldIssue[],
  ) {
    super(`the ${model} cannot be built: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
    this.name = "ModelInputError";
  }
}
