/**
 * The web server's GraphQL client. It calls the API server-side with the browser's
 * session cookie (decision 009) over a keep-alive node:http agent: Node's fetch adds
 * ~40 ms to each request here (decision 008).
 */
import http from "node:http";
import https from "node:https";
import { print, type DocumentNode } from "graphql";
import type { TadaDocumentNode } from "gql.tada";
import { webEnv } from "./env.server";
import { SESSION_COOKIE, sessionSecret } from "./session.server";

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64 });

export interface ApiErrorDetail {
  message: string;
  code: string;
  reason?: string;
  fields?: { field: string; message?: string }[];
}

/** A GraphQL error answered by the API, with its stable code and reason. */
export class ApiError extends Error {
  constructor(readonly errors: ApiErrorDetail[], readonly status = 200) {
    super(errors.map((e) => e.message).join("; "));
  }
  get code(): string {
    return this.errors[0]?.code ?? "INTERNAL_SERVER_ERROR";
  }
  get reason(): string | undefined {
    return this.errors[0]?.reason;
  }
  get fields(): { field: string; message?: string }[] {
    return this.errors.flatMap((e) => e.fields ?? []);
  }
}

/** The API could not be reached or answered something that is not GraphQL. */
export class ApiUnavailableError extends Error {}

export interface ApiResult<T> {
  data: T;
  /** Set-Cookie lines of the API's answer (sign-in and sign-out relay them to the browser). */
  setCookies: string[];
}

interface RawResponse {
  status: number;
  body: string;
  setCookies: string[];
}

function post(url: URL, body: string, headers: Record<string, string>, retried = false): Promise<RawResponse> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        agent: url.protocol === "https:" ? httpsAgent : httpAgent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"];
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), setCookies: setCookie ?? [] });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("The API did not answer in time")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The API closes idle keep-alive connections (after 5 s); a request sent on one just as
      // it closes fails before the API read it. Node's documented remedy: send it once more.
      if (req.reusedSocket && error.code === "ECONNRESET" && !retried) resolve(post(url, body, headers, true));
      else reject(error);
    });
    req.end(body);
  });
}

export interface CallOptions {
  /** A session secret to use instead of the request's cookie (right after sign-in). */
  session?: string | null;
}

/**
 * Runs one operation as the person behind `request`. Throws ApiError for GraphQL errors
 * (even with partial data) and ApiUnavailableError when the API cannot be reached.
 */
export async function callApi<Result, Variables>(
  request: Request,
  document: TadaDocumentNode<Result, Variables> | DocumentNode,
  variables?: Variables,
  options: CallOptions = {},
): Promise<ApiResult<Result>> {
  const secret = options.session !== undefined ? options.session : sessionSecret(request);
  const headers: Record<string, string> = {};
  if (secret) headers.cookie = `${SESSION_COOKIE}=${encodeURIComponent(secret)}`;
  const requestId = request.headers.get("x-request-id");
  if (requestId) headers["x-request-id"] = requestId;
  // The API throttles sign-ins per address: it must see the person's, not ours.
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded) headers["x-forwarded-for"] = forwarded;
  headers["apollo-require-preflight"] = "true";

  let raw: RawResponse;
  try {
    raw = await post(new URL(webEnv().apiUrl), JSON.stringify({ query: print(document as DocumentNode), variables }), headers);
  } catch (error) {
    throw new ApiUnavailableError(`The API could not be reached: ${(error as Error).message}`);
  }
  let body: { data?: Result; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  try {
    body = JSON.parse(raw.body);
  } catch {
    throw new ApiUnavailableError(`The API answered ${raw.status} without GraphQL`);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
        reason: typeof e.extensions?.reason === "string" ? e.extensions.reason : undefined,
        fields: Array.isArray(e.extensions?.fields) ? (e.extensions.fields as ApiErrorDetail["fields"]) : undefined,
      })),
      raw.status,
    );
  }
  return { data: body.data as Result, setCookies: raw.setCookies };
}

/** callApi's data alone, for loaders. */
export async function query<Result, Variables>(
  request: Request,
  document: TadaDocumentNode<Result, Variables>,
  variables?: Variables,
): Promise<Result> {
  return (await callApi(request, document, variables)).data;
}
