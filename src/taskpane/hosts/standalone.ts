/**
 * The pane opened in a plain browser (no Excel, no workbench): a private engine workbook, so the
 * wizards still run end to end. Loaded on demand, which keeps HyperFormula out of the bundle
 * Excel loads.
 */
import { createEngine } from "../../engine";
import type { ColorScheme } from "../theme";
import { createEngineHost, privateEngineWorkbook } from "./engine-host";
import type { WorkbookHost } from "./workbook-host";

export function standaloneHost(colorScheme: ColorScheme): WorkbookHost {
  return {
    ...createEngineHost(privateEngineWorkbook(createEngine()), colorScheme),
    note: {
      text: "Excel is not here, so the pane writes into a workbook kept in this browser tab, which this page does not show. To see it as a grid and download it, use",
      link: { href: "index.html", label: "the workbench" },
    },
  };
}
