import { FluentProvider } from "@fluentui/react-components";
import { StrictMode, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { PaneHost } from "./host";
import { fluentThemeFor } from "./theme";

/** Renders any pane content inside FluentProvider with the host's theme. */
export function mountPane(container: HTMLElement, host: PaneHost, content: ReactNode): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <FluentProvider theme={fluentThemeFor(host.colorScheme)} style={{ minHeight: "100vh" }}>
        {content}
      </FluentProvider>
    </StrictMode>,
  );
  return root;
}
