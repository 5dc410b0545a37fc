/**
 * A response's history as people read it: what changed between two versions, field by
 * field and word by word, and the versions interleaved with the workflow's steps (sent
 * for decision, returned with the board's comment, decided). Pure, so the version page,
 * the read page and the tests share it.
 */
import { diffWords } from "diff";
import { label } from "./labels";

export interface VersionSection {
  number: string | null;
  heading: string;
  stance: string | null;
  body: string;
  quotes: { label: string; text: string }[];
}

export interface VersionContent {
  title: string;
  signatory: string | null;
  presenter: string | null;
  letterDate: string | null;
  summary: string;
  sections: VersionSection[];
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface FieldDiff {
  label: string;
  /** Whether the field is new in the later version or gone from it, rather than changed. */
  change: "changed" | "added" | "removed";
  parts: DiffPart[];
}

/** A section as one text: heading, stance, body and quotes, so a changed stance or a new quote shows. */
export function sectionText(section: VersionSection): string {
  return [
    sectionTitle(section),
    section.stance ? `Ställningstagande: ${label("responseStance", section.stance)}` : "",
    section.body.trim(),
    ...section.quotes.map((q) => `Citat (${q.label}): ${q.text}`),
  ].filter(Boolean).join("\n\n");
}

const sectionTitle = (s: Pick<VersionSection, "number" | "heading">) => [s.number, s.heading].filter(Boolean).join(" ");

/** The words that differ between two texts. */
export function diffText(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/**
 * Pairs the sections of two versions: numbered sections by their number (they answer the
 * report's section of that number), the others by their order among the unnumbered.
 * Pairs follow the later version's order; sections only in the earlier one come last.
 */
export function pairSections(from: VersionSection[], to: VersionSection[]): [VersionSection | null, VersionSection | null][] {
  const numbered = new Map(from.filter((s) => s.number).map((s) => [s.number!, s]));
  const unnumbered = from.filter((s) => !s.number);
  const used = new Set<VersionSection>();
  let nextUnnumbered = 0;
  const pairs: [VersionSection | null, VersionSection | null][] = to.map((section) => {
    const match = section.number ? numbered.get(section.number) : unnumbered[nextUnnumbered++];
    if (match) used.add(match);
    return [match ?? null, section];
  });
  for (const section of from) if (!used.has(section)) pairs.push([section, null]);
  return pairs;
}

/** Every field that differs between two versions, in the letter's order; empty when they are equal. */
export function diffVersions(from: VersionContent, to: VersionContent): FieldDiff[] {
  const out: FieldDiff[] = [];
  const field = (label: string, a: string, b: string) => {
    if (a.trim() === b.trim()) return;
    const change = !a.trim() ? "added" : !b.trim() ? "removed" : "changed";
    out.push({ label, change, parts: diffText(a.trim(), b.trim()) });
  };
  field("Rubrik", from.title, to.title);
  field("Undertecknas av", from.signatory ?? "", to.signatory ?? "");
  field("Föredragande", from.presenter ?? "", to.presenter ?? "");
  field("Datum på svaret", from.letterDate ?? "", to.letterDate ?? "");
  field("Sammanfattning", from.summary, to.summary);
  for (const [a, b] of pairSections(from.sections, to.sections)) {
    const named = (b ?? a)!;
    field(`Avsnitt ${sectionTitle(named) || "utan rubrik"}`, a ? sectionText(a) : "", b ? sectionText(b) : "");
  }
  return out;
}

/** Which two versions to compare: asked for by `fran` and `till`, else the one before the latest and the latest. */
export function chooseVersions(numbers: number[], params: URLSearchParams): { from: number; to: number } | null {
  if (numbers.length === 0) return null;
  const latest = Math.max(...numbers);
  const pick = (name: string, fallback: number) => {
    const asked = Number(params.get(name));
    return Number.isInteger(asked) && numbers.includes(asked) ? asked : fallback;
  };
  const to = pick("till", latest);
  const before = numbers.filter((n) => n < to);
  const from = pick("fran", before.length ? Math.max(...before) : to);
  return { from, to };
}

export interface HistoryVersion {
  number: number;
  comment: string | null;
  createdAt: string;
  author: { name: string } | null;
}

export interface HistoryEvent {
  kind: "REQUESTED_APPROVAL" | "RETURNED_TO_DRAFT" | "APPROVED" | "SUBMITTED";
  version: number;
  comment: string | null;
  createdAt: string;
  actor: { name: string } | null;
}

export type HistoryEntry =
  | { type: "version"; at: string; version: HistoryVersion }
  | { type: "event"; at: string; event: HistoryEvent; text: string };

/** How a workflow step reads in the history, e.g. "Återförvisad av Bo Berg: Skärp skrivningen." */
export function describeEvent(event: HistoryEvent): string {
  const who = event.actor?.name ?? "okänd";
  switch (event.kind) {
    case "REQUESTED_APPROVAL":
      return `Version ${event.version} skickad för beslut av ${who}`;
    case "RETURNED_TO_DRAFT":
      return `Återförvisad av ${who}${event.comment ? `: ${event.comment}` : ""}`;
    case "APPROVED":
      return `Version ${event.version} beslutad av styrelsen (${who})`;
    case "SUBMITTED":
      return `Markerad som inskickad av ${who}`;
  }
}

/** Versions and workflow steps in one list, newest first; a step taken right after a save comes after it. */
export function historyEntries(versions: HistoryVersion[], events: HistoryEvent[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...versions.map((version) => ({ type: "version" as const, at: version.createdAt, version })),
    ...events.map((event) => ({ type: "event" as const, at: event.createdAt, event, text: describeEvent(event) })),
  ];
  // At equal times the step is the newer: it concerns the version saved with it.
  return entries.sort((a, b) => b.at.localeCompare(a.at) || (a.type === b.type ? 0 : a.type === "event" ? -1 : 1));
}

/** The board's most recent return of the current draft, to show staff what it asked for. */
export function latestReturn(events: HistoryEvent[]): HistoryEvent | null {
  const last = events.at(-1);
  return last?.kind === "RETURNED_TO_DRAFT" ? last : null;
}
