import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    overflowX: "auto",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** The workbook's sheets, like Excel's tabs under the grid. */
export function SheetTabs({ names, active, onSelect }: { names: string[]; active: string; onSelect: (name: string) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <TabList
        size="small"
        selectedValue={active}
        onTabSelect={(_, data) => onSelect(String(data.value))}
        aria-label="Sheets"
        data-testid="sheet-tabs"
      >
        {names.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
