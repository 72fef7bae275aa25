/** The pane's content root: what the pane shows, given where it runs. */
import type { PaneHost } from "./host";
import { PaneHome } from "./PaneHome";
import { listPeFunctions } from "./function-list";

export function App({ host }: { host: PaneHost }) {
  return <PaneHome host={host} functions={listPeFunctions()} />;
}
