/** The task pane's entry: find out where it runs, then mount the pane's content. */
import { App } from "./App";
import { detectHost } from "./host";
import { mountPane } from "./mount";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  const host = await detectHost();
  mountPane(container, host, <App host={host} />);
}

void start();
