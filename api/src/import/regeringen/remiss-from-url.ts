/**
 * "Add a remiss from its address": staff paste a remiss page of regeringen.se and the API
 * fetches and imports it. The API fetching an address someone typed is a way into the
 * machine's network (SSRF), so only remiss pages on the configured regeringen.se are
 * asked, redirects only there, with a timeout and a size cap.
 */
import type { DataSource } from "typeorm";
import { ImportSource, ImportTrigger, type Remiss } from "@remissbanken/schema";
import { badInput, DomainError } from "../../common/errors.js";
import { createHttpClient, HttpError, type HttpClient } from "../http-client.js";
import { emptySummary, type ImportSummary } from "../import-summary.js";
import { recordImportRun } from "../import-run.js";
import { ImportInputError } from "../riksdagen/dokumentlista.js";
import { importRemissPage, withReferralBodiesPdf } from "./remiss-import.js";
import { parseRemissPage } from "./remiss-page.js";

const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_ADDRESS_LENGTH = 2000;

/** The host with and without "www.": people paste either. */
const sameSite = (host: string, base: string) => host.replace(/^www\./, "") === base.replace(/^www\./, "");

/** Whether an address is on the configured regeringen.se (scheme, host and port). */
export function onRegeringen(target: URL, base: string): boolean {
  const allowed = new URL(base);
  return target.protocol === allowed.protocol && sameSite(target.hostname, allowed.hostname) && target.port === allowed.port
    && !target.username && !target.password;
}

/**
 * The address to fetch for what staff pasted: a page under /remisser/ on regeringen.se,
 * always asked at the configured origin. Anything else is refused before any request.
 */
export function remissPageAddress(input: string, base: string): string {
  const refuse = () =>
    badInput(`Only remiss pages of ${new URL(base).hostname} can be added, addresses like ${base}/remisser/2026/04/remiss-av-…`, [{ field: "url", message: "not a remiss page address of regeringen.se" }], "SOURCE_NOT_ALLOWED");
  const trimmed = input.trim();
  if (trimmed.length > MAX_ADDRESS_LENGTH || !URL.canParse(trimmed)) throw refuse();
  const target = new URL(trimmed);
  if (!onRegeringen(target, base) || !/^\/remisser\/./.test(target.pathname)) throw refuse();
  return new URL(`${target.pathname}${target.search}`, new URL(base).origin).href;
}

export function regeringenClient(base: string): HttpClient {
  return createHttpClient({
    // One page on a person's request: answer within the page's patience, no long backoff.
    minIntervalMs: 0,
    retries: 1,
    backoffMs: 500,
    timeoutMs: 20_000,
    maxBytes: MAX_PAGE_BYTES,
    followRedirect: (target) => onRegeringen(target, base),
  });
}

export interface RemissFromUrl {
  remiss: Remiss;
  /** False when the remiss was there already (and is now updated from the page). */
  created: boolean;
}

/**
 * Fetches and imports the remiss page staff pasted, recorded as an import run started in the
 * web app by `startedById`. An address that is refused is not a run: nothing was asked.
 */
export async function importRemissFromUrl(
  ds: DataSource, input: string, base: string, startedById: string | null = null, client = regeringenClient(base),
): Promise<RemissFromUrl> {
  const address = remissPageAddress(input, base);
  const start = { source: ImportSource.REGERINGEN, trigger: ImportTrigger.WEB, options: { addresses: [address] }, startedById };
  const { result } = await recordImportRun(ds, start, async () => {
    const summary = emptySummary();
    return { result: await fetchAndImport(ds, address, base, client, summary), summary };
  });
  return result;
}

async function fetchAndImport(ds: DataSource, address: string, base: string, client: HttpClient, summary: ImportSummary): Promise<RemissFromUrl> {
  const notARemiss = (why: string) => badInput(`${address} cannot be added: ${why}`, [{ field: "url", message: why }], "NOT_A_REMISS_PAGE");
  let html: string;
  let url: string;
  try {
    const response = await client.get(address);
    if (response.status === 404) throw notARemiss("the page does not exist (404).");
    html = response.body.toString("utf8");
    url = response.url;
  } catch (error) {
    if (error instanceof DomainError || !(error instanceof HttpError)) throw error;
    if (error.status !== null && error.status >= 300 && error.status < 400) throw badInput(error.message, [], "SOURCE_NOT_ALLOWED");
    if (error.status !== null && error.status < 300) throw notARemiss(error.message);
    throw new DomainError("SERVICE_UNAVAILABLE", "SOURCE_UNAVAILABLE", `regeringen.se could not be reached: ${error.message}`);
  }
  let page;
  try {
    page = parseRemissPage(html, address, url);
  } catch (error) {
    if (error instanceof ImportInputError) throw notARemiss(error.message);
    throw error;
  }
  // The list's PDF is asked only on the configured regeringen.se, like the page.
  page = await withReferralBodiesPdf(page, client, (pdf) => {
    const target = URL.canParse(pdf) ? new URL(pdf) : null;
    const onSite = target && (onRegeringen(target, base) || sameSite(target.hostname, "www.regeringen.se"));
    return onSite ? new URL(`${target.pathname}${target.search}`, new URL(base).origin).href : null;
  });
  const result = await importRemissPage(ds, page, summary);
  if (!result) throw notARemiss(`${summary.failed[0]?.reason ?? "it could not be imported"}.`);
  return { remiss: result.remiss, created: summary.added.length > 0 };
}
