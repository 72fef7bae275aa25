/**
 * A wizard's inputs, restored from the workbook's settings when the pane opens and saved back
 * (debounced) as the user edits, so closing and reopening the pane loses nothing.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookHost } from "../hosts/workbook-host";
import type { WizardDefinition } from "./types";

export const SAVE_DELAY_MS = 400;

export interface SavedInputs<S> {
  /** False until the saved inputs were read (or found missing). */
  ready: boolean;
  state: S;
  stepIndex: number;
  update(change: (previous: S) => S): void;
  setStepIndex(index: number): void;
  /** Why saving failed, if it did (the wizard still works; the inputs are just not kept). */
  saveProblem?: string;
}

export function useSavedInputs<S>(definition: WizardDefinition<S>, host: WorkbookHost): SavedInputs<S> {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<S>(() => definition.initialState());
  const [stepIndex, setStepIndex] = useState(0);
  const [saveProblem, setSaveProblem] = useState<string>();
  const dirty = useRef(false);

  useEffect(() => {
    let cancelled = false;
    host
      .loadSetting(definition.settingsKey)
      .then((saved) => {
        if (cancelled || saved === undefined) return;
        const restored = definition.restore(saved);
        if (!restored) return;
        setState(restored.state);
        const index = definition.steps.findIndex((s) => s.id === restored.stepId);
        if (index >= 0) setStepIndex(index);
      })
      .catch(() => undefined) // unreadable settings: start from the defaults
      .finally(() => {
        if (!cancelled) setReady(true);
      });
    return () => {
      cancelled = true;
    };
  }, [definition, host]);

  /** The save still waiting for its delay, so that leaving the wizard (another tab, the pane closing) keeps the last edits. */
  const pendingSave = useRef<() => void>(undefined);

  useEffect(() => {
    if (!ready || !dirty.current) return;
    const save = () => {
      pendingSave.current = undefined;
      host.saveSetting(definition.settingsKey, definition.save(state, definition.steps[stepIndex].id)).then(
        () => setSaveProblem(undefined),
        (error: unknown) => setSaveProblem(error instanceof Error ? error.message : String(error)),
      );
    };
    pendingSave.current = save;
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [definition, host, ready, state, stepIndex]);

  useEffect(() => () => pendingSave.current?.(), []);

  const update = useCallback((change: (previous: S) => S) => {
    dirty.current = true;
    setState(change);
  }, []);
  const goTo = useCallback((index: number) => {
    dirty.current = true;
    setStepIndex(index);
  }, []);

  return { ready, state, stepIndex, update, setStepIndex: goTo, saveProblem };
}
