/**
 * The functions bundle's first module. custom-functions-metadata-plugin appends
 * `CustomFunctions.associate(id, fn)` calls to functions.ts, and `CustomFunctions` exists only in
 * Excel's runtime: a page loaded without Office (a browser, the workbench, a test) would throw on
 * load. There, a stand-in records the associations instead, so the functions stay inspectable.
 */
type Associate = (id: string, fn: (...args: never[]) => unknown) => void;

interface CustomFunctionsScope {
  CustomFunctions?: { associate?: Associate; standaloneAssociations?: Map<string, unknown> };
}

const scope = globalThis as unknown as CustomFunctionsScope;

if (typeof scope.CustomFunctions?.associate !== "function") {
  const standaloneAssociations = new Map<string, unknown>();
  const associate: Associate = (id, fn) => {
    standaloneAssociations.set(id, fn);
  };
  scope.CustomFunctions = Object.assign(scope.CustomFunctions ?? {}, { associate, standaloneAssociations });
}

export {};
