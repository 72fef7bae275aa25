/**
 * The wizard runner: one component for every wizard. It restores and saves the inputs, shows one
 * step at a time with Back/Next, keeps the user on a step until its errors are fixed (warnings
 * never block), and on the last step builds the plan and writes it through the host: asking
 * before overwriting, showing progress, then a summary or the reason the write failed.
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { WorkbookHost } from "../hosts/workbook-host";
import { firstStepWithError, stepView } from "./messages";
import { OverwriteDialog } from "./OverwriteDialog";
import { StepList } from "./StepList";
import type { WizardDefinition } from "./types";
import { useSavedInputs } from "./useSavedInputs";
import { useAwaited } from "./useAwaited";
import { useWrite } from "./useWrite";
import { WriteProgressPanel } from "./WriteProgressPanel";
import { WriteSummary } from "./WriteSummary";

import { paneRoot } from "./step-styles";
const useStyles = makeStyles({
  root: paneRoot,
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: {
    ...typographyStyles.subtitle1,
    margin: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  nav: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface WizardProps<S> {
  definition: WizardDefinition<S>;
  host: WorkbookHost;
}

export function Wizard<S>({ definition, host }: WizardProps<S>) {
  const styles = useStyles();
  const saved = useSavedInputs(definition, host);
  const write = useWrite(host);
  const [attempted, setAttempted] = useState<Record<string, boolean>>({});
  const [blockedNotice, setBlockedNotice] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const moved = useRef(false);

  const { steps } = definition;
  const index = Math.min(saved.stepIndex, steps.length - 1);
  const step = steps[index];
  const isLast = index === steps.length - 1;
  const check = useMemo(() => definition.check(saved.state), [definition, saved.state]);
  const { phase } = write;
  const extraLines = useAwaited(
    useMemo(
      () => (phase.kind === "done" ? (definition.summarize?.(phase.summary, saved.state) ?? []) : undefined),
      [definition, phase, saved.state],
    ),
  );
  const view = stepView(check, step.id, (f) => definition.stepOfField(f), attempted[step.id] ?? false);

  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading, not at the page's end.
    if (moved.current) heading.current?.focus();
  }, [index]);

  useEffect(() => {
    // After a failed write the form comes back: start from its heading, right above the reason.
    if (write.phase.kind === "failed") heading.current?.focus();
  }, [write.phase.kind]);

  const goTo = (target: number) => {
    moved.current = true;
    setBlockedNotice(false);
    write.reset();
    saved.setStepIndex(target);
  };

  const focusFirstProblem = () => {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (view.blocking.length > 0) {
      setAttempted((a) => ({ ...a, [step.id]: true }));
      setBlockedNotice(true);
      focusFirstProblem();
      return;
    }
    setBlockedNotice(false);
    if (!isLast) return goTo(index + 1);
    const failing = firstStepWithError(
      check,
      steps.map((s) => s.id),
      (f) => definition.stepOfField(f),
    );
    if (failing) {
      setAttempted((a) => ({ ...a, [failing]: true }));
      goTo(steps.findIndex((s) => s.id === failing));
      setBlockedNotice(true);
      return;
    }
    void write.start((inventory) => definition.buildPlan(saved.state, inventory));
  };

  if (!saved.ready) {
    return (
      <div className={styles.root}>
        <Spinner label="Reading your saved inputs" />
      </div>
    );
  }

  if (phase.kind === "done") {
    return (
      <div className={styles.root}>
        <Title3 as="h1">{definition.title}</Title3>
        {extraLines ? (
          <WriteSummary
            summary={phase.summary}
            seconds={phase.seconds}
            extraLines={extraLines}
            onGoToSheet={(name) => host.activateSheet(name)}
            onBack={() => goTo(0)}
          />
        ) : (
          <Spinner label="Reading back what was written" />
        )}
      </div>
    );
  }
  const writing = phase.kind === "writing" || phase.kind === "preparing";
  const StepComponent = step.Component;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{definition.title}</Title3>
        <Body1>{definition.description}</Body1>
      </header>
      <StepList titles={steps.map((s) => s.title)} current={index} disabled={writing} onSelect={goTo} />
      {saved.saveProblem ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            Your inputs could not be saved in the workbook ({saved.saveProblem}); the wizard still works.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {writing ? (
        <WriteProgressPanel
          title={`Writing the ${definition.title.toLowerCase()}`}
          progress={phase.kind === "writing" ? phase.progress : undefined}
          onCancel={phase.kind === "writing" ? phase.cancel : undefined}
        />
      ) : (
        <form ref={form} className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="wizard-step-heading">
          <h2 id="wizard-step-heading" ref={heading} tabIndex={-1} className={styles.heading}>
            Step {index + 1} of {steps.length}: {step.title}
          </h2>
          {phase.kind === "failed" ? (
            <MessageBar intent="error" data-testid="write-failed">
              <MessageBarBody>
                <MessageBarTitle>Nothing was written.</MessageBarTitle>
                {phase.reason.charAt(0).toUpperCase() + phase.reason.slice(1)}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {blockedNotice && view.blocking.length > 0 ? (
            <MessageBar intent="error">
              <MessageBarBody>
                {view.blocking.length === 1 ? "One thing needs fixing" : `${view.blocking.length} things need fixing`} before you
                go on: see the highlighted {view.blocking.length === 1 ? "field" : "fields"}.
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <StepComponent state={saved.state} update={saved.update} messages={view.messages} host={host} />
          <div className={styles.nav}>
            <Button type="button" disabled={index === 0} onClick={() => goTo(index - 1)}>
              Back
            </Button>
            <Button type="submit" appearance="primary">
              {isLast ? definition.writeLabel : "Next"}
            </Button>
          </div>
        </form>
      )}
      {phase.kind === "confirm" ? (
        <OverwriteDialog conflicts={phase.conflicts} onConfirm={() => void write.confirmOverwrite()} onCancel={write.reset} />
      ) : null}
    </div>
  );
}
