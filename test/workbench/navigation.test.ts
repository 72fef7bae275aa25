import { moveAfter } from "../../src/workbench/grid/navigation";

describe("moving after Tab and Enter, as in Excel", () => {
  it("returns Enter to the column where a run of Tabs started", () => {
    let state = { to: { row: 4, col: 2 }, tabRunStart: null as number | null };
    state = moveAfter(state.to, "Tab", false, state.tabRunStart);
    state = moveAfter(state.to, "Tab", false, state.tabRunStart);
    expect(state).toEqual({ to: { row: 4, col: 4 }, tabRunStart: 2 });
    state = moveAfter(state.to, "Enter", false, state.tabRunStart);
    expect(state).toEqual({ to: { row: 5, col: 2 }, tabRunStart: null });
  });

  it("moves left on Shift+Tab, up on Shift+Enter, and stays on the sheet", () => {
    expect(moveAfter({ row: 0, col: 0 }, "Tab", true, null).to).toEqual({ row: 0, col: 0 });
    expect(moveAfter({ row: 3, col: 3 }, "Enter", true, 1)).toEqual({ to: { row: 2, col: 3 }, tabRunStart: null });
  });
});
