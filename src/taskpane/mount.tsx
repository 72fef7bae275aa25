import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { StrictMode, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { PaneEnvironment } from "./pane-environment";

/** Renders any pane content inside FluentProvider with the host's theme (Office's, when hosted). */
export function mountPane(container: HTMLElement, host: PaneEnvironment, content: ReactNode): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <FluentProvider theme={host.colorScheme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
        {content}
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}
