/**
 * A polite HTTP client for official sources: one request at a time with a pause between
 * them, a timeout, and retries with exponential backoff on network errors, 5xx and 429
 * (honouring Retry-After). The sources are public services run for everyone; we must not
 * hammer them, and a daily import must survive their bad minutes.
 */

export interface HttpClientOptions {
  /** Least time between the start of two requests. */
  minIntervalMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff; doubles with every retry. */
  backoffMs?: number;
  /** The longest Retry-After we wait for; longer ones fail the request. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  userAgent?: string;
  /** Told about every retry, for the progress output. */
  onRetry?: (url: string, attempt: number, why: string, waitMs: number) => void;
  sleep?: (ms: number) => Promise<void>;
  /** The largest body read; a longer one fails the request. */
  maxBytes?: number;
  /** Redirects followed only to addresses this accepts; default: any. */
  followRedirect?: (target: URL) => boolean;
}

export interface HttpResponse {
  status: number;
  url: string;
  contentType: string | null;
  body: Buffer;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export interface HttpClient {
  /** GET; 2xx and 404 are answers, anything else that survives the retries is an HttpError. */
  get(url: string): Promise<HttpResponse>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The body, or an HttpError as soon as it grows past `maxBytes` (declared or read). */
async function readCapped(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const tooLarge = () => new HttpError(`${url} answered with more than ${Math.round(maxBytes / 1024)} kB; not read.`, response.status);
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(part.value));
  }
  return Buffer.concat(chunks);
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const {
    minIntervalMs = 1000,
    retries = 4,
    backoffMs = 2000,
    maxRetryAfterMs = 5 * 60_000,
    timeoutMs = 60_000,
    userAgent = "Remissbanken importer (SmåKom; https://github.com/smakom)",
    onRetry,
    sleep = wait,
    maxBytes = 50 * 1024 * 1024,
    followRedirect = () => true,
  } = options;
  let lastStart = 0;

  async function once(url: string): Promise<{ response: HttpResponse; retryAfter: string | null }> {
    const pause = lastStart + minIntervalMs - Date.now();
    if (pause > 0) await sleep(pause);
    lastStart = Date.now();
    const signal = AbortSignal.timeout(timeoutMs);
    let address = url;
    let response: Response;
    // Redirects are followed by hand so that each target is checked before it is asked.
    for (let hops = 0; ; hops++) {
      response = await fetch(address, { headers: { "user-agent": userAgent }, signal, redirect: "manual" });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get("location") : null;
      if (!location) break;
      await response.body?.cancel();
      const target = new URL(location, address);
      if (hops >= 5) throw new HttpError(`${url} redirects more than 5 times.`, response.status);
      if (!followRedirect(target)) throw new HttpError(`${url} redirects to ${target.origin}, which is not followed.`, response.status);
      address = target.href;
    }
    const body = await readCapped(response, maxBytes, url);
    return {
      response: { status: response.status, url: address, contentType: response.headers.get("content-type"), body },
      retryAfter: response.headers.get("retry-after"),
    };
  }

  return {
    async get(url) {
      for (let attempt = 0; ; attempt++) {
        let why: string;
        let delay = backoffMs * 2 ** attempt;
        try {
          const { response, retryAfter } = await once(url);
          if ((response.status >= 200 && response.status < 300) || response.status === 404) return response;
          if (response.status !== 429 && response.status < 500) {
            throw new HttpError(`${url} answered ${response.status}.`, response.status);
          }
          why = `HTTP ${response.status}`;
          const asked = retryAfterMs(retryAfter);
          if (asked !== null) {
            if (asked > maxRetryAfterMs) throw new HttpError(`${url} asks us to wait ${Math.round(asked / 1000)} s; giving up.`, response.status);
            delay = Math.max(asked, minIntervalMs);
          }
          if (attempt >= retries) throw new HttpError(`${url} answered ${response.status} ${attempt + 1} times; giving up.`, response.status);
        } catch (error) {
          if (error instanceof HttpError) throw error;
          const timedOut = (error as Error).name === "TimeoutError";
          why = timedOut ? `no answer in ${timeoutMs / 1000} s` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
          if (attempt >= retries) throw new HttpError(`${url} could not be fetched (${why}) after ${attempt + 1} attempts.`, null);
        }
        onRetry?.(url, attempt + 1, why, delay);
        await sleep(delay);
      }
    },
  };
}

/**
 * Riksdagen links to itself by absolute (often http:, often protocol-relative) URLs; an
 * import pointed at another base (a mirror, a test server) follows them there.
 */
export function onBase(url: string, base: string, sourceHost = "data.riksdagen.se"): string {
  const target = new URL(url, base);
  if (target.hostname !== sourceHost) return target.href;
  const rebased = new URL(base);
  const prefix = rebased.pathname.replace(/\/$/, "");
  return new URL(`${prefix}${target.pathname}${target.search}`, rebased.origin).href;
}
