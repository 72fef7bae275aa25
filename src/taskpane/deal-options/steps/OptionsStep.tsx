import { Body1, Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { MAX_OPTIONS, MIN_OPTIONS, OPTION_LETTERS } from "../../../workbook/models/deal-options/defaults";
import { fieldBinder } from "../../wizard/bind";
import { NumberField, TextField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import { blankOption, type OptionDraft, type OptionsDraft } from "../draft";

/** Two to four options, each any mix of revenue share by year, flat fee, referral fee and co-marketing split (a mix is a hybrid). */
export function OptionsStep({ state, update, messages }: StepProps<OptionsDraft>) {
  const styles = useStepStyles();
  const setOption = (index: number) => (change: Partial<OptionDraft>) =>
    update((s) => ({ ...s, options: s.options.map((o, i) => (i === index ? { ...o, ...change } : o)) }));
  const listMessage = messages.field("options");
  return (
    <div className={styles.stack}>
      <Body1 className={styles.muted}>
        Propose several structures, all acceptable to you. Fill in any pieces of an option; more than one makes a hybrid. Leave a
        piece blank for none.
      </Body1>
      {state.options.map((option, i) => {
        const bind = fieldBinder(option, setOption(i), messages);
        const path = `options.${i}`;
        const own = messages.field(path);
        return (
          <fieldset key={i} className={styles.card}>
            <legend className={styles.legend}>Option {OPTION_LETTERS[i]}</legend>
            <TextField label={`Option ${OPTION_LETTERS[i]} name`} {...bind("name", `${path}.name`)} />
            <TextField
              label="Revenue share by contract year (%)"
              hint="e.g. 30, 20, 15: the last continues"
              {...bind("shareRates", `${path}.revenueShare.rates`)}
            />
            <div className={styles.row}>
              <NumberField className={styles.grow} label="Flat fee per year" {...bind("flatFee", `${path}.flatFee`)} />
              <NumberField
                className={styles.narrow}
                label="Referral fee"
                suffix="%"
                {...bind("referralRate", `${path}.referral.rate`)}
              />
            </div>
            <div className={styles.row}>
              <NumberField
                className={styles.grow}
                label="Joint co-marketing budget per year"
                {...bind("coMarketingBudget", `${path}.coMarketing.budget`)}
              />
              <NumberField
                className={styles.narrow}
                label="Our share"
                suffix="%"
                {...bind("coMarketingShare", `${path}.coMarketing.ourShare`)}
              />
            </div>
            {option.kept.revenueShare || option.kept.reseller ? (
              <Body1 className={styles.muted}>
                Kept from the saved input:{" "}
                {[option.kept.revenueShare ? "revenue tiers" : "", option.kept.reseller ? "reseller terms" : ""]
                  .filter(Boolean)
                  .join(" and ")}
                .
              </Body1>
            ) : null}
            {own.validationMessage ? (
              <MessageBar intent="error">
                <MessageBarBody>{own.validationMessage}</MessageBarBody>
              </MessageBar>
            ) : null}
            {state.options.length > MIN_OPTIONS ? (
              <div className={styles.actions}>
                <Button size="small" onClick={() => update((s) => ({ ...s, options: s.options.filter((_, j) => j !== i) }))}>
                  Remove option {OPTION_LETTERS[i]}
                </Button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {listMessage.validationMessage ? (
        <MessageBar intent="error">
          <MessageBarBody>{listMessage.validationMessage}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.options.length < MAX_OPTIONS ? (
        <div className={styles.actions}>
          <Button onClick={() => update((s) => ({ ...s, options: [...s.options, blankOption()] }))}>Add an option</Button>
        </div>
      ) : null}
    </div>
  );
}
