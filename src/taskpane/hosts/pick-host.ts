/** One decision, made once: inside Excel the pane writes through Office.js, anywhere else through the engine. */
import type { PaneEnvironment } from "../pane-environment";
import { createOfficeHost } from "./office-host";
import type { WorkbookHost } from "./workbook-host";

export async function workbookHostFor(pane: PaneEnvironment): Promise<WorkbookHost> {
  if (pane.kind === "excel") return createOfficeHost((batch) => Excel.run(batch), pane.colorScheme);
  const { standaloneHost } = await import(/* webpackChunkName: "standalone-engine" */ "./standalone");
  return standaloneHost(pane.colorScheme);
}
