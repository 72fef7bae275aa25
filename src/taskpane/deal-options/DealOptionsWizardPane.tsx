/** The deal-options wizard as the pane shows it: its own chunk, loaded when its tab is first opened. */
import type { WorkbookHost } from "../hosts/workbook-host";
import { Wizard } from "../wizard/Wizard";
import { dealOptionsWizard } from "./definition";

export default function DealOptionsWizardPane({ host }: { host: WorkbookHost }) {
  return <Wizard definition={dealOptionsWizard} host={host} />;
}
