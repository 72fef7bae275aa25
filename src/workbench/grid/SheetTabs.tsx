import {
  Button,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ChoiceDialog } from "../ChoiceDialog";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  tabs: { overflowX: "auto", minWidth: 0 },
});

/**
 * The workbook's sheets, like Excel's tabs under the grid: click to show one, double-click to
 * rename it, or use the sheet menu to rename or delete the active one (both undo with Ctrl+Z).
 */
export function SheetTabs({
  names,
  active,
  onSelect,
  onRename,
  onDelete,
}: {
  names: string[];
  active: string;
  onSelect: (name: string) => void;
  /** Returns why the name cannot be used, or null once renamed. */
  onRename: (from: string, to: string) => string | null;
  /** Returns why the sheet cannot be deleted, or null once deleted. */
  onDelete: (name: string) => string | null;
}) {
  const styles = useStyles();
  const [renaming, setRenaming] = useState<{ from: string; text: string; problem?: string } | null>(null);
  const [deleteProblem, setDeleteProblem] = useState<string | null>(null);

  const submitRename = (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const problem = onRename(renaming.from, renaming.text);
    if (problem) setRenaming({ ...renaming, problem });
    else setRenaming(null);
  };

  return (
    <div className={styles.bar}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" aria-label={`Sheet options for ${active}`} data-testid="sheet-menu">
            Sheet ▾
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => setRenaming({ from: active, text: active })}>Rename sheet…</MenuItem>
            <MenuItem onClick={() => setDeleteProblem(onDelete(active))}>Delete sheet</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={active}
        onTabSelect={(_, data) => onSelect(String(data.value))}
        aria-label="Sheets"
        data-testid="sheet-tabs"
      >
        {names.map((name) => (
          <Tab key={name} value={name} onDoubleClick={() => setRenaming({ from: name, text: name })}>
            {name}
          </Tab>
        ))}
      </TabList>
      {renaming ? (
        <ChoiceDialog
          title={`Rename sheet “${renaming.from}”`}
          confirm="Rename"
          onSubmit={submitRename}
          onCancel={() => setRenaming(null)}
        >
          <Field label="New name" validationState={renaming.problem ? "error" : "none"} validationMessage={renaming.problem}>
            <Input
              value={renaming.text}
              autoFocus
              data-testid="sheet-name-input"
              onChange={(_, data) => setRenaming({ from: renaming.from, text: data.value })}
            />
          </Field>
        </ChoiceDialog>
      ) : null}
      {deleteProblem ? (
        <ChoiceDialog alert title="This sheet cannot be deleted" confirm="OK" onConfirm={() => setDeleteProblem(null)}>
          {deleteProblem[0].toUpperCase() + deleteProblem.slice(1)}.
        </ChoiceDialog>
      ) : null}
    </div>
  );
}
