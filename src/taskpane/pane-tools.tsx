/**
 * What the pane offers, in tab order: the wizards, then the function list.
 *
 * The deal-model, charter and scorecard wizards (their models, plans and steps) load on first use, in
 * The deal-model, charter and payout wizards (their models, plans and steps) load on first use, in
 * chunks of their own, so the pane Excel opens stays within its size budget
 * (test/build/bundles.test.ts). Each wizard gets its own key: the pane renders the selected tool
 * in one place, and without keys React would keep one wizard's state when the user switches.
 */
import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { listPeFunctions } from "./function-list";
import type { WorkbookHost } from "./hosts/workbook-host";
import { FunctionsTab } from "./FunctionsTab";
import { qualificationWizard } from "./qualification/definition";
import { Wizard } from "./wizard/Wizard";

export interface PaneTool {
  id: string;
  /** The tab's label. */
  label: string;
  render(host: WorkbookHost): ReactNode;
}

const DealWizardPane = lazy(() => import("./deal/DealWizardPane"));
const CharterWizardPane = lazy(() => import("./charter/CharterWizardPane"));
const ScorecardWizardPane = lazy(() => import("./scorecard/ScorecardWizardPane"));
const DealOptionsWizardPane = lazy(() => import("./deal-options/DealOptionsWizardPane"));
const PayoutsWizardPane = lazy(() => import("./payouts/PayoutsWizardPane"));

const useStyles = makeStyles({ loading: { padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}` } });

function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.loading} label={label} />;
}

/** A wizard loaded on first use: a spinner while its chunk arrives. */
function lazyWizard(id: string, label: string, what: string, Pane: ComponentType<{ host: WorkbookHost }>): PaneTool {
  return {
    id,
    label,
    render: (host) => (
      <Suspense key={id} fallback={<Loading label={`Loading ${what}`} />}>
        <Pane host={host} />
      </Suspense>
    ),
  };
}

export const PANE_TOOLS: PaneTool[] = [
  {
    id: "qualification",
    label: "Qualification",
    render: (host) => <Wizard key="qualification" definition={qualificationWizard} host={host} />,
  },
  lazyWizard("deal", "Deal model", "the deal-model wizard", DealWizardPane),
  lazyWizard("charter", "Charter", "the charter wizard", CharterWizardPane),
  lazyWizard("scorecard", "Scorecard", "the scorecard wizard", ScorecardWizardPane),
  lazyWizard("deal-options", "Deal options", "the deal-options wizard", DealOptionsWizardPane),
  lazyWizard("payouts", "Payouts", "the payout wizard", PayoutsWizardPane),
  { id: "functions", label: "Functions", render: (host) => <FunctionsTab hostKind={host.kind} functions={listPeFunctions()} /> },
];
