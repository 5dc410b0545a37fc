/**
 * The remiss forms' validation, with Swedish messages: the new-remiss form and the
 * tracking fields staff edit in place on a remiss.
 */
import { z } from "zod";
import { DESIGNATION_EXAMPLES, parseDesignation } from "@remissbanken/schema/designation";
import { SWEDISH_LABELS } from "@remissbanken/schema/labels";
import { LIMITS } from "@remissbanken/schema/limits";

const STATUSES = Object.keys(SWEDISH_LABELS.remissStatus).map((s) => s.toUpperCase()) as [string, ...string[]];
export type RemissStatusValue = "MONITORING" | "TO_ANSWER" | "DECLINED" | "DRAFTING" | "DECIDED" | "SUBMITTED";

/** As the API checks it: office code, year, serial, e.g. "Fi2011/4105", "KN2026/00741", "Fi2020/01234/K". */
const DIARIENUMMER = /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\d{4}\/\d{1,6}(\/[A-Za-zÅÄÖåäö0-9-]{1,10})?$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;


const required = (message: string) => z.string({ error: message }).trim().min(1, message);
const optional = z.string().trim().optional().transform((s) => s || null);

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const day = (missing: string) => required(missing).refine(isDay, "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.");
const optionalDay = optional.refine((v) => v === null || isDay(v), "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-31.");

const status = z.enum(STATUSES, { error: "Välj en status i listan." }).transform((s) => s as RemissStatusValue);

export const diarienummerField = optional
  .transform((v) => (v ? v.replace(/\s+/g, "") : null))
  .refine((v) => v === null || DIARIENUMMER.test(v), "Diarienumret har fel form. Skriv till exempel Fi2011/4105.");

/** One body a line; empty lines dropped, duplicates kept once. */
export function referralBodyLines(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of (text ?? "").split(/\r?\n/)) {
    const line = raw.trim().replace(/\s+/g, " ");
    if (!line || seen.has(line.toLowerCase())) continue;
    seen.add(line.toLowerCase());
    lines.push(line);
  }
  return lines;
}

/** Whether a referral body is SmåKom ("De små kommunernas samverkan", "SmåKom"). */
export function isSmakom(body: string): boolean {
  return /sm[åa]kom\b|sm[åa] kommunernas samverkan/i.test(body);
}

export const NewRemissForm = z
  .object({
    designation: required("Skriv betänkandets beteckning, till exempel SOU 2020:8.")
      .refine((v) => parseDesignation(v) !== null, `Beteckningen har fel form. Skriv till exempel ${DESIGNATION_EXAMPLES}.`)
      .transform((v) => parseDesignation(v)!.normalized),
    diarienummer: diarienummerField,
    ministry: required("Skriv vilket departement som skickat remissen.").pipe(z.string().max(LIMITS.nameLength, `Departementets namn är för långt (högst ${LIMITS.nameLength} tecken).`)),
    deadline: day("Skriv sista svarsdag."),
    memberInputDeadline: optionalDay,
    status,
    ownerId: optional,
    referralBodies: optional
      .transform(referralBodyLines)
      .refine((lines) => lines.length <= LIMITS.referralBodies, `Högst ${LIMITS.referralBodies} remissinstanser.`)
      .refine((lines) => lines.every((l) => l.length <= LIMITS.shortTextLength), `En remissinstans får vara högst ${LIMITS.shortTextLength} tecken per rad.`),
    notes: optional.refine((v) => (v ?? "").length <= LIMITS.notesLength, `Anteckningarna är för långa (högst ${LIMITS.notesLength} tecken).`),
  })
  .superRefine((value, ctx) => {
    if (value.memberInputDeadline && value.memberInputDeadline > value.deadline) {
      ctx.addIssue({
        code: "custom",
        path: ["memberInputDeadline"],
        message: "Sista dag för medlemmarnas synpunkter måste ligga före remissens sista svarsdag.",
      });
    }
  });

export type NewRemissValues = z.output<typeof NewRemissForm>;

/** Form names of the API's input fields, for its field errors. */
export const REMISS_FIELD_NAMES: Record<string, string> = {
  documentId: "designation",
  diarienummer: "diarienummer",
  ministry: "ministry",
  deadline: "deadline",
  memberInputDeadline: "memberInputDeadline",
  status: "status",
  ownerId: "ownerId",
  referralBodies: "referralBodies",
  notes: "notes",
};

/** The field groups staff edit in place on a remiss, each its own small form. */
export const TRACKING_GROUPS = ["status", "owner", "memberDeadline", "notes"] as const;
export type TrackingGroup = (typeof TRACKING_GROUPS)[number];

const version = z.coerce.number({ error: "Sidan saknar version; ladda om den." }).int().positive("Sidan saknar version; ladda om den.");

export const TrackingForms = {
  status: z.object({ expectedVersion: version, status }),
  owner: z.object({ expectedVersion: version, ownerId: optional }),
  memberDeadline: z.object({ expectedVersion: version, memberInputDeadline: optionalDay }),
  notes: z.object({ expectedVersion: version, notes: optional.refine((v) => (v ?? "").length <= LIMITS.notesLength, `Anteckningarna är för långa (högst ${LIMITS.notesLength} tecken).`) }),
} satisfies Record<TrackingGroup, z.ZodType>;

/** The form field each group edits, whose typed value is kept on a conflict. */
export const TRACKING_FIELD: Record<TrackingGroup, string> = {
  status: "status",
  owner: "ownerId",
  memberDeadline: "memberInputDeadline",
  notes: "notes",
};
