/** Swedish labels for the API's enum values (GraphQL spells them in capitals). */
import { SWEDISH_LABELS } from "@remissbanken/schema/labels";

type Group = keyof typeof SWEDISH_LABELS;

export function label(group: Group, value: string | null | undefined): string {
  if (!value) return "";
  const labels = SWEDISH_LABELS[group] as Record<string, string>;
  return labels[value.toLowerCase()] ?? value;
}

/** The options of a select, in the labels' order. */
export function options(group: Group): { value: string; label: string }[] {
  return Object.entries(SWEDISH_LABELS[group]).map(([value, text]) => ({ value: value.toUpperCase(), label: text }));
}
