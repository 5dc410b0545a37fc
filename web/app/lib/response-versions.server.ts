/**
 * Restoring an old version of a response as a new one, shared by the editor's version
 * list and the version page so both do exactly the same: the old text is saved on top
 * of the latest version with a comment naming where it came from.
 */
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "./api.server";
import { load, notFoundResponse, toHttpError } from "./auth.server";
import { messageFor } from "./errors";
import { draftFromSaved, validateDraft } from "./response-editor";

/** Every version with its full text: for restoring and for comparing versions. */
export const VersionsQuery = graphql(`
  query ResponseHistory($id: ID!) {
    response(id: $id) {
      id
      title
      status
      currentVersion
      boardReviewedVersion
      abilities { canEdit canReadVersions }
      versions {
        number
        comment
        createdAt
        author { name }
        title
        signatory
        presenter
        letterDate
        summary
        sections { number heading stance body quotes { sourceType sourceId label text } }
      }
      events { kind version comment createdAt actor { name } }
    }
  }
`);

const SaveMutation = graphql(`
  mutation RestoreResponseVersion($input: SaveResponseVersionInput!) {
    saveResponseVersion(input: $input) { id currentVersion }
  }
`);

export type RestoreResult = { ok: true; version: number } | { ok: false; message: string };

/** Saves version `number` as a new version; a refusal comes back as a Swedish message. */
export async function restoreVersion(request: Request, id: string, number: number): Promise<RestoreResult> {
  const { response } = await load(request, VersionsQuery, { id });
  const version = response?.versions.find((v) => v.number === number);
  if (!response || !version) throw notFoundResponse();
  if (number === response.currentVersion) return { ok: false, message: `Version ${number} är redan den senaste.` };
  const valid = validateDraft({ ...draftFromSaved(version), comment: `Återställd från version ${number}` });
  // Versions are saved through the same checks, so only a version from before a rule changed can fail here.
  if (!valid.ok) return { ok: false, message: `Version ${number} kan inte återställas: ${Object.values(valid.fieldErrors)[0]}` };
  try {
    const { data } = await callApi(request, SaveMutation, {
      input: { responseId: id, baseVersion: response.currentVersion, title: version.title, ...valid.input },
    });
    return { ok: true, version: data.saveResponseVersion.currentVersion };
  } catch (error) {
    if (error instanceof ApiError && ["CONFLICT", "BAD_USER_INPUT"].includes(error.code)) {
      return { ok: false, message: messageFor(error.code, error.reason) };
    }
    if (error instanceof ApiUnavailableError) return { ok: false, message: messageFor("SERVICE_UNAVAILABLE") };
    throw toHttpError(request, error);
  }
}
