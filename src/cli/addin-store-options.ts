import { STORE_TYPES, type AddinStore } from "../workbook/xlsx-package/addin-reference";
import { CliInputError } from "./cli-files";

/**
 * `--store`, `--store-type`, `--store-id`: where the files' add-in reference says the add-in comes
 * from. Sideloaded (the default): developer/Registry. A network-share catalog: FileSystem and the
 * share path; AppSource: OMEX, the locale (en-us) and the AppSource asset id (WA…); see Microsoft's
 * "Automatically open a task pane with a document" for each store type's values.
 */
export const STORE_OPTIONS: Record<string, string> = {
  "--store": "store",
  "--store-type": "storeType",
  "--store-id": "storeId",
};

export function addinStoreFrom(options: Record<string, string>): AddinStore | undefined {
  const { store, storeType, storeId } = options;
  if (store === undefined && storeType === undefined && storeId === undefined) return undefined;
  const type = STORE_TYPES.find((t) => t.toLowerCase() === (storeType ?? "Registry").toLowerCase());
  if (!type) throw new CliInputError(`--store-type ${storeType} is not a store type Office knows: use ${STORE_TYPES.join(", ")}`);
  if (store === undefined && type !== "Registry")
    throw new CliInputError(
      `--store-type ${type} needs --store (the catalog's path or URL, or the AppSource locale such as en-us)`,
    );
  if (type === "OMEX" && storeId === undefined)
    throw new CliInputError("--store-type OMEX needs --store-id, the add-in's AppSource asset id (WA…)");
  return { store: store ?? "developer", storeType: type, ...(storeId !== undefined ? { id: storeId } : {}) };
}
