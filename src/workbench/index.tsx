/**
 * The page `npm start` opens when there is no Excel: the task pane beside a live grid over the
 * engine. It never needs Office: the local office.js it loads reports no host here, and nothing
 * on this page waits for it. The workbook stored by the last visit comes back first.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { storedWorkbook } from "./persist/autosave";
import { startingWorkbook } from "./workbench-session";
import { WorkbenchRoot } from "./WorkbenchRoot";

const container = document.getElementById("container");
if (!container) throw new Error("workbench.html has no #container element");
const root = createRoot(container);
void storedWorkbook().then((stored) => {
  const start = startingWorkbook(stored);
  root.render(
    <StrictMode>
      <WorkbenchRoot initial={start.store} initialNotice={start.notice} />
    </StrictMode>,
  );
});
