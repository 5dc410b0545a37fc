/** What one import run did, item by item, for the closing report and for tests. */

export interface ItemOutcome {
  /** The source's key or address. */
  key: string;
  /** What people recognise: a designation and title. */
  label: string;
  reason?: string;
  /** The source itself failed (a listing or a saved file), not one item of it: the run failed. */
  source?: boolean;
}

export interface ImportSummary {
  added: ItemOutcome[];
  updated: ItemOutcome[];
  unchanged: ItemOutcome[];
  skipped: ItemOutcome[];
  failed: ItemOutcome[];
  /** Imported, but without full text (not published yet, or unreadable), with the reason. */
  withoutText: ItemOutcome[];
}

export function emptySummary(): ImportSummary {
  return { added: [], updated: [], unchanged: [], skipped: [], failed: [], withoutText: [] };
}

/** Adds a second summary's items to the first. */
export function mergeSummary(into: ImportSummary, from: ImportSummary): ImportSummary {
  for (const key of Object.keys(into) as (keyof ImportSummary)[]) into[key].push(...from[key]);
  return into;
}

/** Skipped items grouped by reason, e.g. `doktyp "sfs" is not imported: 20`. */
function byReason(items: ItemOutcome[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.reason ?? "", (counts.get(item.reason ?? "") ?? 0) + 1);
  return [...counts].map(([reason, count]) => `  ${count} × ${reason}`);
}

/** The closing report: counts first, then every failure with its reason. */
export function formatSummary(summary: ImportSummary): string {
  const lines = [
    `Added ${summary.added.length}, updated ${summary.updated.length}, unchanged ${summary.unchanged.length}, ` +
      `skipped ${summary.skipped.length}, failed ${summary.failed.length}.`,
  ];
  for (const item of summary.updated) lines.push(`Updated ${item.label}${item.reason ? ` (${item.reason})` : ""}`);
  if (summary.skipped.length) lines.push("Skipped:", ...byReason(summary.skipped));
  if (summary.withoutText.length) {
    lines.push("Without full text:", ...summary.withoutText.map((item) => `  ${item.label}: ${item.reason}`));
  }
  if (summary.failed.length) lines.push("Failed:", ...summary.failed.map((item) => `  ${item.label}: ${item.reason}`));
  return lines.join("\n");
}
