/** The charter wizard as the pane shows it: its own chunk, loaded when its tab is first opened. */
import type { WorkbookHost } from "../hosts/workbook-host";
import { Wizard } from "../wizard/Wizard";
import { charterWizard } from "./definition";

export default function CharterWizardPane({ host }: { host: WorkbookHost }) {
  return <Wizard definition={charterWizard} host={host} />;
}
