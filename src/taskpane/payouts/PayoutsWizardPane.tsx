/** The payout wizard as the pane shows it: its own chunk, loaded when its tab is first opened. */
import type { WorkbookHost } from "../hosts/workbook-host";
import { Wizard } from "../wizard/Wizard";
import { payoutsWizard } from "./definition";

export default function PayoutsWizardPane({ host }: { host: WorkbookHost }) {
  return <Wizard definition={payoutsWizard} host={host} />;
}
