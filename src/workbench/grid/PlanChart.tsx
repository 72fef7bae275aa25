/**
 * A plan's chart drawn over the grid where Excel would place it (its from/to cells), with
 * Chart.js (MIT; only the bar, line and pie parts are registered, to keep the bundle small).
 * Its data are the source range's current values, first row the series names and first column
 * the categories, as the plans define them, so the chart follows every recalculation. It is a
 * picture of cells a screen reader already reads in the grid, so it is hidden from the
 * accessibility tree.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { ChartPlan } from "../../workbook/plan";

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Legend,
  Title,
  Tooltip,
);

// Excel's default Office theme colours, in its series order.
const SERIES_COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

const useStyles = makeStyles({
  frame: {
    position: "absolute",
    zIndex: 1,
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalS,
    backgroundColor: "#FFFFFF",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
  },
});

function asNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function asLabel(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return String((value as { value?: unknown }).value ?? "");
  return String(value);
}

/** The chart's configuration from the source cells' values (first row headers, first column categories). */
export function chartConfiguration(chart: ChartPlan, values: unknown[][]): ChartConfiguration {
  const [header = [], ...rows] = values;
  const labels = rows.map((row) => asLabel(row[0]));
  const series = header.slice(1).map((name, index) => ({
    label: asLabel(name),
    data: rows.map((row) => asNumber(row[index + 1])),
    backgroundColor:
      chart.type === "pie"
        ? rows.map((_, i) => SERIES_COLOURS[i % SERIES_COLOURS.length])
        : SERIES_COLOURS[index % SERIES_COLOURS.length],
    borderColor: chart.type === "line" ? SERIES_COLOURS[index % SERIES_COLOURS.length] : undefined,
  }));
  const type = chart.type === "pie" ? "pie" : chart.type === "line" ? "line" : "bar";
  return {
    type,
    data: { labels, datasets: chart.type === "pie" ? series.slice(0, 1) : series },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: chart.type === "barClustered" ? "y" : "x",
      plugins: {
        title: { display: true, text: chart.title, color: "#404040" },
        legend: { display: chart.type === "pie" || series.length > 1, labels: { color: "#404040" } },
      },
    },
  } as ChartConfiguration;
}

export function PlanChart({
  chart,
  values,
  box,
}: {
  chart: ChartPlan;
  values: unknown[][];
  box: { top: number; left: number; width: number; height: number };
}) {
  const styles = useStyles();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    drawn.current = new Chart(canvas.current, chartConfiguration(chart, values));
    return () => {
      drawn.current?.destroy();
      drawn.current = null;
    };
    // Drawn once per chart; new values are handed to the same chart below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- values deliberately left out (see above)
  }, [chart]);

  useEffect(() => {
    const current = drawn.current;
    if (!current) return;
    current.data = chartConfiguration(chart, values).data;
    current.update();
  }, [chart, values]);

  return (
    <div className={styles.frame} style={box} aria-hidden="true" data-testid="plan-chart" data-title={chart.title}>
      <canvas ref={canvas} />
    </div>
  );
}
