/** The deal-model wizard as the pane shows it: its own chunk, loaded when its tab is first opened. */
import type { WorkbookHost } from "../hosts/workbook-host";
import { Wizard } from "../wizard/Wizard";
import { dealWizard } from "./definition";

export default function DealWizardPane({ host }: { host: WorkbookHost }) {
  return <Wizard definition={dealWizard} host={host} />;
}
