import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout every wizard step uses: stacked fields, rows that wrap in a narrow pane, cards per group. */
export const useStepStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-start" },
  grow: { flexGrow: 1, flexBasis: "10rem", minWidth: 0 },
  narrow: { width: "8.5rem", flexShrink: 0 },
  medium: { width: "12rem", maxWidth: "100%", flexShrink: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  dl: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  guidance: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  preview: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: "anywhere" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** A pane page: a padded column (the wizard runner and the Functions tab). */
export const paneRoot = {
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalM,
  padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
} as const;
