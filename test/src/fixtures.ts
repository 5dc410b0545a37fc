import path from "node:path";

/** ../shared/fixtures beside the repository (given to developers and CI; see its README). */
export const SHARED_FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures");

export const fixturePath = (...parts: string[]) => path.join(SHARED_FIXTURES, ...parts);
