/** Loading the yearly priorities report, and drawing its chart on the server. */
import { renderToStaticMarkup } from "react-dom/server";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { graphql } from "~/graphql/graphql";
import { load, requireUser, type CurrentUser } from "./auth.server";
import { SERIES, yearFromUrl, type PriorityReportData } from "./priority-report";

const PriorityReportQuery = graphql(`
  query PriorityReport($year: Int!) {
    priorityReport(year: $year) {
      year
      areas {
        area { id name }
        inquiriesFollowed responsesSent memberInputReceived
        goals { id text status comment }
      }
    }
  }
`);

/** The report for `?ar=` (this year without it); whoever the API lets read it, after sign-in. */
export async function loadPriorityReport(request: Request): Promise<{ user: CurrentUser; report: PriorityReportData }> {
  const user = await requireUser(request);
  const { priorityReport } = await load(request, PriorityReportQuery, { year: yearFromUrl(request.url) });
  return { user, report: priorityReport };
}

export const CHART_WIDTH = 760;
const ROW_HEIGHT = 78;
const AXES_HEIGHT = 40;
const INK = "#1a1a1a";

/**
 * The report's bar chart as SVG markup, or null without areas. Drawn here rather than in the
 * browser so that it shows without JavaScript and recharts never ships to the browser; fixed
 * sizes, since there is no window to measure on the server. Recharts puts inline styles on its
 * wrapper, which the Content-Security-Policy would refuse: the wrapper is dropped and the
 * remaining style attributes removed (the stylesheet sizes the chart). All text in it is
 * escaped by React and it holds no script, so the page may insert it as markup.
 */
export function renderPriorityChart(report: PriorityReportData, labelledBy: string): string | null {
  if (report.areas.length === 0) return null;
  const data = report.areas.map((row) => ({ name: row.area.name, ...Object.fromEntries(SERIES.map((s) => [s.key, row[s.key]])) }));
  const markup = renderToStaticMarkup(
    <BarChart
      width={CHART_WIDTH}
      height={AXES_HEIGHT + ROW_HEIGHT * data.length}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
      barGap={2}
      role="img"
      aria-labelledby={labelledBy}
      className="priority-chart-svg"
    >
      <CartesianGrid horizontal={false} stroke="#d0d0d0" />
      <XAxis type="number" allowDecimals={false} tick={{ fill: INK }} stroke="#595959" />
      <YAxis type="category" dataKey="name" width={200} tick={{ fill: INK }} stroke="#595959" />
      {SERIES.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} minPointSize={0}>
          <LabelList dataKey={s.key} position="right" fill={INK} />
        </Bar>
      ))}
    </BarChart>,
  );
  const svg = markup.match(/<svg[\s\S]*<\/svg>/)?.[0];
  return svg ? svg.replace(/ style="[^"]*"/g, "") : null;
}
