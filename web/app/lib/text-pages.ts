/**
 * Which pages of a document's full text one view shows: `?sida=N` (the block of pages that
 * holds page N) or `?sidor=A-B`. An 800-page report is never sent whole.
 */
export const PAGES_PER_VIEW = 20;
/** The API's most pages per request. */
export const MAX_PAGES_PER_VIEW = 50;

export interface PageView {
  from: number;
  count: number;
}

function positive(value: string | null): number | null {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

export function pageView(params: URLSearchParams): PageView {
  const range = /^\s*(\d{1,6})\s*[-–]\s*(\d{1,6})\s*$/.exec(params.get("sidor") ?? "");
  if (range) {
    const from = Math.max(1, Number(range[1]));
    const to = Number(range[2]);
    if (to >= from) return { from, count: Math.min(to - from + 1, MAX_PAGES_PER_VIEW) };
  }
  const page = positive(params.get("sida"));
  if (page) return { from: Math.floor((page - 1) / PAGES_PER_VIEW) * PAGES_PER_VIEW + 1, count: PAGES_PER_VIEW };
  return { from: 1, count: PAGES_PER_VIEW };
}

/** The views before and after this one, within the text's pages. */
export function neighbours(view: PageView, pageCount: number): { previous: PageView | null; next: PageView | null } {
  const previousFrom = Math.max(1, view.from - PAGES_PER_VIEW);
  const nextFrom = view.from + view.count;
  return {
    previous: view.from > 1 ? { from: previousFrom, count: Math.min(PAGES_PER_VIEW, view.from - previousFrom) } : null,
    next: nextFrom <= pageCount ? { from: nextFrom, count: Math.min(PAGES_PER_VIEW, pageCount - nextFrom + 1) } : null,
  };
}

/** "41-60", as `?sidor=` takes it. */
export const rangeParam = (view: PageView) => `${view.from}-${view.from + view.count - 1}`;

/** Whether page N is in the view. */
export const inView = (view: PageView, page: number) => page >= view.from && page < view.from + view.count;
