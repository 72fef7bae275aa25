import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  Subtitle1,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { EXAMPLE_FORMULAS } from "./examples";
import type { EvaluatedFormula } from "./formula-runner";

const useStyles = makeStyles({
  root: {
    maxWidth: "60rem",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  form: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  field: { flexGrow: 1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  examples: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  history: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  outcome: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  output: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function Outcome({ outcome }: { outcome: EvaluatedFormula }) {
  const styles = useStyles();
  const failed = outcome.kind !== "value";
  return (
    <li className={styles.outcome} data-kind={outcome.kind}>
      <Caption1 className={styles.mono}>{outcome.formula}</Caption1>
      <output className={failed ? `${styles.output} ${styles.error}` : styles.output}>{outcome.output}</output>
    </li>
  );
}

/** Type a formula, see what the engine computes against the open workbook: the same result `pe-calc eval` prints. */
export function FormulaBox({ evaluate }: { evaluate: (formula: string) => EvaluatedFormula }) {
  const styles = useStyles();
  const [formula, setFormula] = useState(EXAMPLE_FORMULAS[0]);
  const [history, setHistory] = useState<EvaluatedFormula[]>([]);

  const run = (text: string) => {
    if (text.trim() === "") return;
    setHistory((previous) => [evaluate(text), ...previous].slice(0, 50));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run(formula);
  };

  return (
    <section className={styles.root} aria-labelledby="formula-box-heading">
      <Subtitle1 as="h2" id="formula-box-heading">
        Formula box
      </Subtitle1>
      <Body1>
        Every <code>PE.*</code> function, computed by the headless engine in your browser, with no Excel needed. Formulas may mix
        PE functions with Excel built-ins and use the workbook&apos;s names and cells (the sheet on screen is the current one);
        see the <Link href="reference.html">function reference</Link>.
      </Body1>
      <form className={styles.form} onSubmit={onSubmit}>
        <Field className={styles.field} label="Formula">
          <Input
            className={styles.mono}
            value={formula}
            onChange={(_, data) => setFormula(data.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </Field>
        <Button appearance="primary" type="submit">
          Evaluate
        </Button>
      </form>
      <section aria-labelledby="examples-heading">
        <Subtitle2 as="h3" id="examples-heading">
          Examples
        </Subtitle2>
        <ul className={styles.examples}>
          {EXAMPLE_FORMULAS.map((example) => (
            <li key={example}>
              <Button
                size="small"
                className={styles.mono}
                onClick={() => {
                  setFormula(example);
                  run(example);
                }}
              >
                {example}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="results-heading" aria-live="polite">
        <Subtitle2 as="h3" id="results-heading">
          Results
        </Subtitle2>
        {history.length === 0 ? (
          <Body1>Press Evaluate or pick an example.</Body1>
        ) : (
          <ul className={styles.history}>
            {history.map((outcome, index) => (
              <Outcome key={history.length - index} outcome={outcome} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
