/**
 * Saving a remissvar draft as a new version, for the editor's Spara and for its autosave
 * (/remissvar/:id/autosparning): validation with the editor's Swedish messages, the API's
 * refusals mapped to the form's fields, and on a stale base version the conflict with the
 * version saved meanwhile.
 */
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { load, notFoundResponse, toHttpError } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { label } from "~/lib/labels";
import { apiFieldErrors, differences, draftFromSaved, validateDraft, type FieldDifference, type ResponseDraft } from "~/lib/response-editor";

/** The latest saved version, for the conflict view. */
const VersionsQuery = graphql(`
  query ResponseVersions($id: ID!) {
    response(id: $id) {
      id
      currentVersion
      versions {
        number
        comment
        createdAt
        author { name }
        signatory
        presenter
        letterDate
        summary
        sections { number heading stance body quotes { sourceType sourceId label text } }
      }
    }
  }
`);

const SaveMutation = graphql(`
  mutation SaveResponseVersion($input: SaveResponseVersionInput!) {
    saveResponseVersion(input: $input) { id currentVersion }
  }
`);

export interface Conflict {
  version: number;
  author: string | null;
  savedAt: string;
  comment: string | null;
  differences: FieldDifference[];
}

const stanceLabel = (s: string) => label("responseStance", s);

export type SaveAttempt =
  | { kind: "saved"; version: number }
  | { kind: "refused"; status: number; formError?: string; fieldErrors?: Record<string, string>; conflict?: Conflict };

export async function attemptSave(request: Request, id: string, draft: ResponseDraft, baseVersion: number): Promise<SaveAttempt> {
  const valid = validateDraft(draft);
  if (!valid.ok) return { kind: "refused", status: 400, formError: "Några uppgifter behöver rättas.", fieldErrors: valid.fieldErrors };
  try {
    const { data: saved } = await callApi(request, SaveMutation, { input: { responseId: id, baseVersion, ...valid.input } });
    return { kind: "saved", version: saved.saveResponseVersion.currentVersion };
  } catch (error) {
    if (error instanceof ApiError && error.reason === "STALE_VERSION") {
      return { kind: "refused", status: 409, conflict: await conflictWith(request, id, draft) };
    }
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") {
      return { kind: "refused", status: 400, formError: messageFor(error.code, error.reason), fieldErrors: apiFieldErrors(error.fields, error.reason) };
    }
    if (error instanceof ApiUnavailableError) return { kind: "refused", status: 503, formError: messageFor("SERVICE_UNAVAILABLE") };
    if (error instanceof ApiError && error.code === "PAYLOAD_TOO_LARGE") return { kind: "refused", status: 413, formError: messageFor(error.code) };
    throw toHttpError(request, error);
  }
}

async function conflictWith(request: Request, id: string, mine: ResponseDraft): Promise<Conflict> {
  const { response } = await load(request, VersionsQuery, { id });
  const latest = response?.versions.at(-1);
  if (!response || !latest) throw notFoundResponse();
  return {
    version: response.currentVersion,
    author: latest.author?.name ?? null,
    savedAt: latest.createdAt,
    comment: latest.comment,
    differences: differences(draftFromSaved(latest), mine, stanceLabel),
  };
}
