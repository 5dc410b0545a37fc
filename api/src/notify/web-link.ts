import { loadConfig } from "../config.js";

let base: string | undefined;

/**
 * An absolute address in the web app for a mail (planners get no configuration: they run
 * in the worker with the same environment as the API, so PUBLIC_URL decides as it does there).
 */
export function webLink(path: string): string {
  base ??= loadConfig().publicUrl;
  return `${base}${path}`;
}

/** The page a search hit opens, as the web app's search links it. */
export function hitPath(type: string, id: string, node?: { remissId?: string | null; inquiryId?: string | null }): string {
  switch (type) {
    case "document":
      return `/dokument/${id}`;
    case "inquiry":
      return `/utredningar/${id}`;
    case "remiss":
      return `/remisser/${id}`;
    case "response":
      return `/remissvar/${id}`;
    default:
      return node?.remissId ? `/remisser/${node.remissId}` : node?.inquiryId ? `/utredningar/${node.inquiryId}` : "/sok";
  }
}
