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

/** The steps as a row of buttons: visited steps can be revisited, later ones wait for Next. */
export function StepList({
  titles,
  current,
  reached,
  onSelect,
}: {
  titles: string[];
  current: number;
  reached: number;
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
              disabled={index > reached}
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
