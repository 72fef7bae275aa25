import { Body1 } from "@fluentui/react-components";
import { stateBinder } from "../../wizard/bind";
import { NumberField } from "../../wizard/fields";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { OptionsDraft } from "../draft";

/** Our three positions as NPVs, the partner's BATNA, and the option the sensitivity grid varies. */
export function PositionsStep(props: StepProps<OptionsDraft>) {
  const styles = useStepStyles();
  const bind = stateBinder(props);
  return (
    <div className={styles.stack}>
      <Body1 className={styles.muted}>
        Know your three positions before you negotiate, and what the partner gets if it walks away. An option is balanced only
        when both sides are better off than walking away.
      </Body1>
      <NumberField label="Our ideal NPV" hint="Our opening position" {...bind("idealNpv", "positions.idealNpv")} />
      <NumberField
        label="Our acceptable NPV"
        hint="Where we expect to land"
        {...bind("acceptableNpv", "positions.acceptableNpv")}
      />
      <NumberField label="Our walk-away NPV" hint="Below this we walk away" {...bind("walkAwayNpv", "positions.walkAwayNpv")} />
      <NumberField
        label="Partner's BATNA (NPV it must beat)"
        hint="What the partner's best alternative is worth to it"
        {...bind("partnerBatnaNpv", "positions.partnerBatnaNpv")}
      />
      <NumberField
        className={styles.narrow}
        label="Sensitivity grid for option"
        hint="1 for A, 2 for B…"
        {...bind("sensitivityOption", "sensitivityOption")}
      />
    </div>
  );
}
