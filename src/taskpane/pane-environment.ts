/**
 * Everything the pane asks of Office, in one place: whether it runs inside Excel, and Office's
 * colour theme. Components receive the answer as a prop and never touch `Office` themselves, so
 * the same pane runs in Excel, in the workbench and in tests.
 */
import { colorSchemeOf, type ColorScheme } from "./theme";

export type PaneEnvironmentKind = "excel" | "standalone";

export interface PaneEnvironment {
  kind: PaneEnvironmentKind;
  colorScheme: ColorScheme;
  /** Office's platform name ("PC", "OfficeOnline", "Mac"…) inside Office; undefined standalone. */
  platform?: string;
}

export const STANDALONE_ENVIRONMENT: PaneEnvironment = { kind: "standalone", colorScheme: "light" };

/** Office.onReady normally settles within a second; past this the page is taken as standalone. */
const OFFICE_READY_TIMEOUT_MS = 5000;

type OfficeGlobal = typeof Office;

function officeGlobal(): OfficeGlobal | undefined {
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  return office && typeof office.onReady === "function" ? office : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/**
 * Without office.js (`Office` undefined), or where Office.onReady reports no host (office.js
 * loaded in a plain browser tab), the pane runs standalone.
 */
export async function detectPaneEnvironment(
  office: OfficeGlobal | undefined = officeGlobal(),
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<PaneEnvironment> {
  if (!office) return STANDALONE_ENVIRONMENT;
  const info = await withTimeout(Promise.resolve(office.onReady()), timeoutMs);
  if (!info || !info.host || info.host !== office.HostType.Excel) return STANDALONE_ENVIRONMENT;
  return {
    kind: "excel",
    colorScheme: colorSchemeOf(office.context?.officeTheme?.bodyBackgroundColor),
    platform: info.platform ? String(info.platform) : undefined,
  };
}
