/** The pane's content: a tab per tool (the wizards, the function list), the same in Excel and in the workbench. */
import { Link, makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookHost } from "./hosts/workbook-host";
import { PANE_TOOLS, type PaneTool } from "./pane-tools";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100%", maxWidth: "44rem" },
  note: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  // Wrapping keeps every tool's label whole in a 320 px pane (Excel's narrow default) instead of scrolling sideways.
  tabs: {
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function App({ host, tools = PANE_TOOLS }: { host: WorkbookHost; tools?: PaneTool[] }) {
  const styles = useStyles();
  const [selected, setSelected] = useState(tools[0].id);
  const tool = tools.find((t) => t.id === selected) ?? tools[0];
  return (
    <div className={styles.root} data-testid="task-pane">
      <TabList
        className={styles.tabs}
        selectedValue={tool.id}
        onTabSelect={(_, data) => setSelected(String(data.value))}
        aria-label="Partner Economics tools"
      >
        {tools.map((t) => (
          <Tab key={t.id} value={t.id} id={`pane-tab-${t.id}`} aria-controls={`pane-panel-${t.id}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {host.note ? (
        <MessageBar className={styles.note} intent="info" layout="multiline">
          <MessageBarBody>
            {host.note.text}
            {host.note.link ? (
              <>
                {" "}
                <Link href={host.note.link.href}>{host.note.link.label}</Link>.
              </>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div role="tabpanel" id={`pane-panel-${tool.id}`} aria-labelledby={`pane-tab-${tool.id}`}>
        {tool.render(host)}
      </div>
    </div>
  );
}
