import { stateBinder } from "../../wizard/bind";
import { Fields, Note, type FieldLayout } from "../../wizard/form";
import { useStepStyles } from "../../wizard/step-styles";
import type { StepProps } from "../../wizard/types";
import type { OptionsDraft } from "../draft";

const POSITIONS: FieldLayout<OptionsDraft>[] = [
  { key: "idealNpv", path: "positions.idealNpv", label: "Our ideal NPV", hint: "Our opening position" },
  { key: "acceptableNpv", path: "positions.acceptableNpv", label: "Our acceptable NPV", hint: "Where we expect to land" },
  { key: "walkAwayNpv", path: "positions.walkAwayNpv", label: "Our walk-away NPV", hint: "Below this we walk away" },
  {
    key: "partnerBatnaNpv",
    path: "positions.partnerBatnaNpv",
    label: "Partner's BATNA (NPV it must beat)",
    hint: "What the partner's best alternative is worth to it",
  },
  {
    key: "sensitivityOption",
    path: "sensitivityOption",
    label: "Sensitivity grid for option",
    hint: "1 for A, 2 for B…",
    width: "narrow",
  },
];

/** Our three positions as NPVs, the partner's BATNA, and the option the sensitivity grid varies. */
export function PositionsStep(props: StepProps<OptionsDraft>) {
  const styles = useStepStyles();
  return (
    <div className={styles.stack}>
      <Note>
        Know your three positions before you negotiate, and what the partner gets if it walks away. An option is balanced only
        when both sides are better off than walking away.
      </Note>
      <Fields bind={stateBinder(props)} fields={POSITIONS} />
    </div>
  );
}
