import { useStepStyles } from "./step-styles";

/** The review step's list of what will be written: term, then value, one pair a row. */
export function SummaryList({ rows }: { rows: [string, string][] }) {
  const styles = useStepStyles();
  return (
    <dl className={styles.dl} aria-label="What will be written">
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.dt}>{term}</dt>
          <dd className={styles.dd}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
