/** GET /prioriterade-fragor/rapport.csv?ar=2026: the yearly priorities report for Excel, for whoever may read the page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment } from "~/lib/export/letter.server";
import { loadPriorityReport } from "~/lib/priority-report.server";
import { csvFileName, CSV_TYPE, priorityReportCsv } from "~/lib/priority-report";

export async function loader({ request }: LoaderFunctionArgs) {
  const { report } = await loadPriorityReport(request);
  return attachment(new TextEncoder().encode(priorityReportCsv(report)), csvFileName(report.year), CSV_TYPE);
}
