/** The scorecard wizard as the pane shows it: its own chunk, loaded when its tab is first opened. */
import type { WorkbookHost } from "../hosts/workbook-host";
import { Wizard } from "../wizard/Wizard";
import { scorecardWizard } from "./definition";

export default function ScorecardWizardPane({ host }: { host: WorkbookHost }) {
  return <Wizard definition={scorecardWizard} host={host} />;
}
