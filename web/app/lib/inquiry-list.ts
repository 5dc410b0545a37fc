/** The inquiry list's helpers: its filter in the URL and the latest document of each. */

export const INQUIRY_STATUSES = ["ONGOING", "CONCLUDED"] as const;
export type InquiryStatusValue = (typeof INQUIRY_STATUSES)[number];
export const PAGE_SIZE = 25;

export interface InquiryListParams {
  status: InquiryStatusValue | null;
  after: string | null;
}

export function parseInquiryListParams(params: URLSearchParams): InquiryListParams {
  const status = params.get("status");
  const after = params.get("efter");
  return {
    status: (INQUIRY_STATUSES as readonly string[]).includes(status ?? "") ? (status as InquiryStatusValue) : null,
    after: after && after.length <= 500 ? after : null,
  };
}

/** The document published last (one without a date counts as oldest); null when there is none. */
export function latestDocument<T extends { publishedAt: string | null }>(documents: readonly T[]): T | null {
  let latest: T | null = null;
  for (const document of documents) {
    if (!latest || (document.publishedAt ?? "") >= (latest.publishedAt ?? "")) latest = document;
  }
  return latest;
}
