import { Body1, Caption1, Link, makeStyles, Subtitle2, Title3, tokens } from "@fluentui/react-components";
import type { PaneFunction } from "./function-list";
import type { WorkbookHostKind } from "./hosts/workbook-host";

import { paneRoot } from "./wizard/step-styles";
const useStyles = makeStyles({
  root: paneRoot,
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
});

function Intro({ hostKind }: { hostKind: WorkbookHostKind }) {
  if (hostKind === "excel") {
    return (
      <Body1>
        Type <code>=PE.</code> in any cell to use the partner functions below; Excel shows each one&apos;s arguments as you type.
      </Body1>
    );
  }
  return (
    <Body1>
      Outside Excel the functions run in the headless engine: try them in the formula box of the{" "}
      <Link href="index.html">workbench</Link>, or sideload <code>manifest.xml</code> to use them in a workbook.
    </Body1>
  );
}

export function FunctionsTab({ hostKind, functions }: { hostKind: WorkbookHostKind; functions: PaneFunction[] }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Title3 as="h1">Partner Economics functions</Title3>
      <Intro hostKind={hostKind} />
      <Subtitle2 as="h2">PE functions</Subtitle2>
      <ul className={styles.list} aria-label="PE functions">
        {functions.map((fn) => (
          <li key={fn.id} className={styles.item}>
            <Link href={fn.referenceLink} target="_blank" rel="noopener">
              {fn.qualifiedName}
            </Link>
            <Caption1 className={styles.signature}>{fn.signature}</Caption1>
            <Body1>{fn.description}</Body1>
          </li>
        ))}
      </ul>
    </div>
  );
}
