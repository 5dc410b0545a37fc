/** The administration's forms: zod schemas with Swedish messages, and their API inputs. */
import { z } from "zod";
import type { Role } from "./auth.server";

const text = (max: number, empty: string) =>
  z.string().trim().min(1, empty).max(max, `Högst ${max} tecken.`);

export function userFormSchema(roles: Role[]) {
  return z
    .object({
      name: text(200, "Skriv namnet."),
      email: z.string().trim().min(1, "Skriv e-postadressen.").email("Skriv en giltig e-postadress, till exempel namn@kommun.se."),
      role: z.enum(roles as [Role, ...Role[]], { message: "Välj en roll som du får ge." }),
      municipalityId: z.string().optional(),
    })
    .refine((f) => f.role !== "MEMBER" || !!f.municipalityId, {
      path: ["municipalityId"],
      message: "Välj kommunen som en medlemskommuns användare hör till.",
    });
}

/** Only members belong to a municipality; for other roles the choice is dropped. */
export function toUserInput(value: z.output<ReturnType<typeof userFormSchema>>) {
  return {
    name: value.name,
    email: value.email,
    role: value.role,
    municipalityId: value.role === "MEMBER" ? (value.municipalityId ?? null) : null,
  };
}

const COUNTY = /län$/u;

export const MunicipalityForm = z.object({
  name: text(200, "Skriv kommunens namn."),
  county: text(60, "Skriv länet, till exempel Värmlands län.").regex(COUNTY, "Skriv hela länets namn, till exempel Värmlands län."),
  memberSince: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Skriv datumet som ÅÅÅÅ-MM-DD.")
    .transform((s) => s || null),
});

export const GOAL_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "ACHIEVED", "NOT_ACHIEVED"] as const;
/** Empty goal rows offered on the form, so goals can be added without JavaScript. */
export const EMPTY_GOAL_ROWS = 3;
export const MAX_GOALS = 50;

export const PriorityAreaForm = z.object({
  name: text(200, "Skriv frågans namn."),
  year: z.coerce.number({ message: "Välj ett år." }).int("Välj ett år.").min(1900, "Välj ett år.").max(2100, "Välj ett år."),
  description: z.string().max(20_000, "Beskrivningen får ha högst 20 000 tecken.").transform((s) => s.trim()),
});

export type GoalRow = { text: string; status: (typeof GOAL_STATUSES)[number] };

/**
 * The goal rows of a priority area form (goal-0-text, goal-0-status, …), in order; rows
 * left empty are dropped. Returns the problems per row field.
 */
export function parseGoals(values: Record<string, string>): { goals: GoalRow[]; fieldErrors: Record<string, string> } {
  const goals: GoalRow[] = [];
  const fieldErrors: Record<string, string> = {};
  for (let i = 0; i < MAX_GOALS + EMPTY_GOAL_ROWS; i++) {
    const textValue = values[`goal-${i}-text`];
    if (textValue === undefined) continue;
    const trimmed = textValue.trim();
    if (!trimmed) continue;
    if (trimmed.length > 1000) fieldErrors[`goal-${i}-text`] = "Ett mål får ha högst 1 000 tecken.";
    const status = values[`goal-${i}-status`];
    goals.push({ text: trimmed, status: (GOAL_STATUSES as readonly string[]).includes(status ?? "") ? (status as GoalRow["status"]) : "NOT_STARTED" });
  }
  if (goals.length > MAX_GOALS) fieldErrors["goal-0-text"] = `Högst ${MAX_GOALS} mål per fråga.`;
  return { goals, fieldErrors };
}

export const DUPLICATE_MUNICIPALITY = "Det finns redan en kommun med det namnet.";
