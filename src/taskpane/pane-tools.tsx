/**
 * What the pane offers, in tab order: the wizards, then the function list. Issue 4's deal-model
 * and charter wizards are added here as one more entry each.
 */
import type { ReactNode } from "react";
import { listPeFunctions } from "./function-list";
import type { WorkbookHost } from "./hosts/workbook-host";
import { PaneHome } from "./PaneHome";
import { qualificationWizard } from "./qualification/definition";
import { Wizard } from "./wizard/Wizard";

export interface PaneTool {
  id: string;
  /** The tab's label. */
  label: string;
  render(host: WorkbookHost): ReactNode;
}

export const PANE_TOOLS: PaneTool[] = [
  { id: "qualification", label: "Qualification", render: (host) => <Wizard definition={qualificationWizard} host={host} /> },
  { id: "functions", label: "Functions", render: (host) => <PaneHome hostKind={host.kind} functions={listPeFunctions()} /> },
];
