/** The task pane's entry: find out where it runs, pick the workbook host for it, then mount the pane. */
import { App } from "./App";
import { detectPaneEnvironment } from "./pane-environment";
import { workbookHostFor } from "./hosts/pick-host";
import { mountPane } from "./mount";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  const pane = await detectPaneEnvironment();
  const host = await workbookHostFor(pane);
  mountPane(
    container,
    pane,
    <main>
      <App host={host} />
    </main>,
  );
}

void start();
