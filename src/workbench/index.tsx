/**
 * The page `npm start` opens when there is no Excel: the task pane beside a live grid over the
 * engine. It never needs Office: the local office.js it loads reports no host here, and nothing
 * on this page waits for it.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createEngine } from "../engine";
import { runFormula } from "./formula-runner";
import { WorkbookStore } from "./grid/workbook-store";
import { Workbench } from "./Workbench";

const container = document.getElementById("container");
if (!container) throw new Error("workbench.html has no #container element");
const store = new WorkbookStore(createEngine());
createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Workbench store={store} evaluate={runFormula} />
    </FluentProvider>
  </StrictMode>,
);
