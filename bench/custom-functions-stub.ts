/**
 * The part of Excel's `CustomFunctions` runtime global that the wrappers touch (errors only), so
 * that src/functions runs in Node. Installed before the first wrapper call; removed afterwards.
 */
class StubCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

const stub = {
  Error: StubCustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

export function installCustomFunctionsStub(): () => void {
  const global = globalThis as { CustomFunctions?: unknown };
  const previous = global.CustomFunctions;
  global.CustomFunctions = stub;
  return () => {
    global.CustomFunctions = previous;
  };
}
