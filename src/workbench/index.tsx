/** The page `npm start` opens at https://localhost:3000/: formulas evaluated by the engine, no Excel. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FormulaPage } from "./FormulaPage";
import { runFormula } from "./formula-runner";

const container = document.getElementById("container");
if (!container) throw new Error("workbench.html has no #container element");
createRoot(container).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <FormulaPage evaluate={runFormula} />
    </FluentProvider>
  </StrictMode>,
);
