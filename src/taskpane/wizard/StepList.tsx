import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    counterReset: "step",
  },
  item: { display: "flex" },
  current: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: "underline", textUnderlineOffset: "4px" },
});

/**
 * The steps as a row of buttons, any of which can be opened: nothing is written before the last
 * step, and writing checks every step again (sending the user to the first one with a problem).
 */
export function StepList({
  titles,
  current,
  disabled,
  onSelect,
}: {
  titles: string[];
  current: number;
  disabled: boolean;
  onSelect: (index: number) => void;
}) {
  const styles = useStyles();
  return (
    <nav aria-label="Wizard steps">
      <ol className={styles.list}>
        {titles.map((title, index) => (
          <li key={title} className={styles.item}>
            <Button
              size="small"
              appearance={index === current ? "secondary" : "subtle"}
              className={mergeClasses(index === current && styles.current)}
              aria-current={index === current ? "step" : undefined}
              disabled={disabled}
              onClick={() => onSelect(index)}
            >
              {index + 1}. {title}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
