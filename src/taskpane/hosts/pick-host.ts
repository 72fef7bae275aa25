/** One decision, made once: inside Excel the pane writes through Office.js, anywhere else through the engine. */
import type { PaneHost } from "../host";
import { createOfficeHost } from "./office-host";
import type { WorkbookHost } from "./workbook-host";

export async function workbookHostFor(pane: PaneHost): Promise<WorkbookHost> {
  if (pane.kind === "excel") return createOfficeHost((batch) => Excel.run(batch), pane.colorScheme);
  const { standaloneHost } = await import(/* webpackChunkName: "standalone-engine" */ "./standalone");
  return standaloneHost(pane.colorScheme);
}
