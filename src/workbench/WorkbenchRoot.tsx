/**
 * The workbench in its theme (the system's light or dark, followed live, as Fluent's
 * webLightTheme/webDarkTheme), over the workbook it works on now: opening a file swaps in a new
 * workbook, and the pane and the grid start afresh for it (the page around them stays, so a
 * dialog closing as the file opens never leaves the page hidden from assistive technology).
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { ColorScheme } from "../taskpane/theme";
import type { WorkbookStore } from "./grid/workbook-store";
import { Workbench, type Notice } from "./Workbench";
import { openedWorkbook } from "./workbench-session";

const DARK = "(prefers-color-scheme: dark)";

function useSystemColorScheme(): ColorScheme {
  const query = useMemo(() => (typeof window !== "undefined" && window.matchMedia ? window.matchMedia(DARK) : undefined), []);
  const [scheme, setScheme] = useState<ColorScheme>(query?.matches ? "dark" : "light");
  useEffect(() => {
    if (!query) return;
    const changed = (event: MediaQueryListEvent) => setScheme(event.matches ? "dark" : "light");
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, [query]);
  return scheme;
}

export function WorkbenchRoot({ initial, initialNotice }: { initial: WorkbookStore; initialNotice: Notice }) {
  const scheme = useSystemColorScheme();
  const [current, setCurrent] = useState({ store: initial, notice: initialNotice, generation: 0 });

  const openFile = async (file: File): Promise<Notice> => {
    try {
      const opened = await openedWorkbook(file);
      setCurrent((previous) => ({ ...opened, generation: previous.generation + 1 }));
      return opened.notice;
    } catch (error) {
      return {
        intent: "error",
        text: `“${file.name}” could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };

  return (
    <FluentProvider theme={scheme === "dark" ? webDarkTheme : webLightTheme} style={{ height: "100%" }}>
      <Workbench
        store={current.store}
        generation={current.generation}
        colorScheme={scheme}
        initialNotice={current.notice}
        saveAtOnce={current.generation > 0}
        onOpenFile={openFile}
      />
    </FluentProvider>
  );
}
