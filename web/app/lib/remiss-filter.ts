/** The remiss list's filters as they stand in the URL (?status=TO_ANSWER&departement=…&fran=…&till=…). */
import { SWEDISH_LABELS } from "@remissbanken/schema/labels";
import { isDay, type RemissStatusValue as RemissStatus } from "./remiss-form";

const STATUSES = Object.keys(SWEDISH_LABELS.remissStatus).map((s) => s.toUpperCase());

export interface RemissListFilter {
  status: RemissStatus | null;
  ministry: string | null;
  from: string | null;
  to: string | null;
  /** The parameters as typed, to fill the form again. */
  params: { status: string; departement: string; fran: string; till: string };
  invalid: { fran?: boolean; till?: boolean };
  /** Swedish messages for what was ignored. */
  errors: string[];
}

/** Reads the filters; a value that cannot be used is ignored and named in `errors`. */
export function readRemissFilter(search: URLSearchParams): RemissListFilter {
  const params = {
    status: search.get("status")?.trim() ?? "",
    departement: search.get("departement")?.trim().slice(0, 200) ?? "",
    fran: search.get("fran")?.trim() ?? "",
    till: search.get("till")?.trim() ?? "",
  };
  const errors: string[] = [];
  const invalid: RemissListFilter["invalid"] = {};
  const status = STATUSES.includes(params.status) ? (params.status as RemissStatus) : null;
  if (params.status && !status) errors.push("Okänd status; alla statusar visas.");
  let from: string | null = null;
  let to: string | null = null;
  if (params.fran) {
    if (isDay(params.fran)) from = params.fran;
    else {
      invalid.fran = true;
      errors.push("Datumet i ”Sista svarsdag från” kunde inte tolkas. Skriv det som ÅÅÅÅ-MM-DD.");
    }
  }
  if (params.till) {
    if (isDay(params.till)) to = params.till;
    else {
      invalid.till = true;
      errors.push("Datumet i ”Sista svarsdag till” kunde inte tolkas. Skriv det som ÅÅÅÅ-MM-DD.");
    }
  }
  if (from && to && from > to) {
    invalid.till = true;
    errors.push("”Sista svarsdag till” ligger före ”från”; inga remisser kan matcha.");
  }
  return { status, ministry: params.departement || null, from, to, params, invalid, errors };
}
