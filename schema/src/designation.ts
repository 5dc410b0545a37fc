/**
 * Designations of Swedish official publications: "SOU 2020:8", "Dir. 2019:41",
 * "Ds 2021:12", "Prop. 2020/21:150" and Riksdag committee reports "2020/21:FiU20".
 * People type them loosely ("sou 2020 8", "dir 2019:41", "SOU2020:8"); every
 * accepted form normalizes to the one canonical spelling stored in the database.
 */

export type DesignationSeries = "SOU" | "DIR" | "DS" | "PROP" | "BET";

export interface Designation {
  series: DesignationSeries;
  /** Calendar year (SOU, Dir., Ds) or the first year of the riksmöte (Prop., bet.). */
  year: number;
  /** Riksmöte, e.g. "2020/21", for propositions and committee reports. */
  session?: string;
  number: number;
  /** Committee abbreviation for committee reports, e.g. "FiU". */
  committee?: string;
  /** The canonical spelling, e.g. "Prop. 2020/21:150". */
  normalized: string;
}

const PREFIX: Record<Exclude<DesignationSeries, "BET">, string> = {
  SOU: "SOU",
  DIR: "Dir.",
  DS: "Ds",
  PROP: "Prop.",
};

/** Riksdag committees (utskott) whose reports carry designations like "2020/21:FiU20". */
export const COMMITTEES = [
  "AU", "CU", "FiU", "FöU", "JuU", "KU", "KrU", "MJU", "NU", "SkU", "SfU", "SoU",
  "TU", "UbU", "UU", "BoU", "LU", "JoU",
] as const;
const COMMITTEE_BY_LOWER = new Map(COMMITTEES.map((c) => [c.toLowerCase(), c]));

const MIN_YEAR = 1900;
const MAX_NUMBER = 9999;

// Separators people type between year and number: ":", space, ".", "-" or nothing.
const SEP = String.raw`\s*[:.\-\s]?\s*`;
const SERIES_RE = new RegExp(
  String.raw`^(sou|dir|ds|prop|bet)\.?\s*(\d{4})(?:\s*/\s*(\d{2}|\d{4}))?${SEP}([a-zåäö]{2,3})?\s*0*(\d{1,4})$`,
  "iu",
);
const COMMITTEE_REPORT_RE = new RegExp(
  String.raw`^(\d{4})\s*/\s*(\d{2}|\d{4})${SEP}([a-zåäö]{2,3})\s*0*(\d{1,4})$`,
  "iu",
);

function maxYear(): number {
  return new Date().getFullYear() + 1;
}

function sessionOf(first: number, secondRaw: string | undefined): string | null {
  if (secondRaw === undefined) return null;
  const second = Number(secondRaw);
  const expected = (first + 1) % (secondRaw.length === 4 ? 10000 : 100);
  if (second !== expected) return null;
  // The riksmöte spanning the millennium is officially written "1999/2000".
  return first === 1999 ? "1999/2000" : `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}

/** Parses any accepted form of a designation, or returns null when it is not one. */
export function parseDesignation(input: string): Designation | null {
  const text = input.trim().replace(/\s+/g, " ");
  if (text.length === 0 || text.length > 40) return null;

  const series = SERIES_RE.exec(text);
  if (series) {
    const [, rawPrefix, yearText, sessionEnd, committee, numberText] = series;
    const prefix = rawPrefix.toUpperCase() as DesignationSeries;
    const year = Number(yearText);
    const number = Number(numberText);
    if (year < MIN_YEAR || year > maxYear() || number < 1 || number > MAX_NUMBER) return null;
    if (prefix === "PROP") {
      const session = sessionOf(year, sessionEnd);
      if (!session || committee) return null;
      return { series: "PROP", year, session, number, normalized: `Prop. ${session}:${number}` };
    }
    if (prefix === "BET") {
      return committeeReport(year, sessionEnd, committee, number);
    }
    if (sessionEnd !== undefined || committee) return null;
    return { series: prefix, year, number, normalized: `${PREFIX[prefix]} ${year}:${number}` };
  }

  const report = COMMITTEE_REPORT_RE.exec(text);
  if (report) {
    const [, yearText, sessionEnd, committee, numberText] = report;
    const year = Number(yearText);
    const number = Number(numberText);
    if (year < MIN_YEAR || year > maxYear() || number < 1 || number > MAX_NUMBER) return null;
    return committeeReport(year, sessionEnd, committee, number);
  }
  return null;
}

function committeeReport(
  year: number,
  sessionEnd: string | undefined,
  committeeRaw: string | undefined,
  number: number,
): Designation | null {
  const session = sessionOf(year, sessionEnd);
  const committee = committeeRaw && COMMITTEE_BY_LOWER.get(committeeRaw.toLowerCase());
  if (!session || !committee) return null;
  return { series: "BET", year, session, number, committee, normalized: `${session}:${committee}${number}` };
}

/** True when the text looks enough like a designation that a search should treat it as one. */
export function looksLikeDesignation(input: string): boolean {
  return parseDesignation(input) !== null;
}

/** Examples shown to people in validation messages. */
export const DESIGNATION_EXAMPLES = "SOU 2020:8, Dir. 2019:41, Ds 2021:12, Prop. 2020/21:150, 2020/21:FiU20";
