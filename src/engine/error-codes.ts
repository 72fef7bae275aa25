import { CellError, ErrorType } from "hyperformula";
import { ExcelError, type ErrorCode } from "../core/errors";

/**
 * The four error codes core knows, in HyperFormula's terms. Any other engine error (#REF!, #NAME?,
 * #CYCLE!, #SPILL!, …) is the engine's own business: it is passed on without calling core.
 */
const ENGINE_TYPE_OF_CODE: Record<ErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
};

const CODE_OF_ENGINE_TYPE = new Map<string, ErrorCode>(
  Object.entries(ENGINE_TYPE_OF_CODE).map(([code, type]) => [type, code as ErrorCode]),
);

/** The core error for an engine error core understands, or undefined for any other engine error. */
export function toCoreError(error: CellError): ExcelError | undefined {
  const code = CODE_OF_ENGINE_TYPE.get(error.type);
  return code === undefined ? undefined : new ExcelError(code, error.message ?? "");
}

export function toEngineError(error: ExcelError): CellError {
  return new CellError(ENGINE_TYPE_OF_CODE[error.code], error.message);
}

/**
 * Excel's #NULL! has no counterpart among the engine's error types: it travels as the engine's
 * #ERROR! with this message, made by NULL_ERROR_FUNCTION, and is shown as #NULL! again by
 * excelErrorCode. Every other engine error keeps its own code (#CYCLE!, #SPILL!, #ERROR! …).
 */
export const NULL_ERROR_MESSAGE = "#NULL!";
export const NULL_ERROR_FUNCTION = "INTERNAL.NULLERROR";

export function nullError(): CellError {
  return new CellError(ErrorType.ERROR, NULL_ERROR_MESSAGE);
}

/** The code Excel shows for an engine error (its `value`, e.g. "#DIV/0!", and message). */
export function excelErrorCode(error: { value: string; message?: string }): string {
  return error.value === "#ERROR!" && error.message === NULL_ERROR_MESSAGE ? NULL_ERROR_MESSAGE : error.value;
}
