/** How an import run reads to the secretariat: "12 nya, 3 uppdaterade", or why it failed. */
import { formatDateTime } from "~/lib/format";

export interface ImportRunSummary {
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: string;
  added: number;
  updated: number;
  failed: number;
  error: string | null;
}

/** "12 nya, 3 uppdaterade, 1 misslyckades", "inget nytt", "pågår", or "misslyckades: …". */
export function describeOutcome(run: ImportRunSummary): string {
  if (run.status === "RUNNING") return "pågår";
  if (run.status === "FAILED") return `misslyckades${run.error ? `: ${run.error}` : ""}`;
  const parts = [
    run.added ? `${run.added} ${run.added === 1 ? "ny" : "nya"}` : null,
    run.updated ? `${run.updated} ${run.updated === 1 ? "uppdaterad" : "uppdaterade"}` : null,
    run.failed ? `${run.failed} misslyckades` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "inget nytt";
}

/** "Senaste import från Riksdagen: 1 december 2026 kl. 04:30 – 12 nya, 3 uppdaterade". */
export function describeLatestImport(run: ImportRunSummary | null | undefined): string {
  if (!run) return "Ingen import från Riksdagen har körts än.";
  return `Senaste import från Riksdagen: ${formatDateTime(run.startedAt)} – ${describeOutcome(run)}`;
}
