/** GET /remissvar/:id/export.docx: the remissvar as a Word file, for whoever may read it. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDocx, DOCX_TYPE } from "~/lib/export/docx.server";
import { attachment, loadLetter } from "~/lib/export/letter.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const letter = await loadLetter(request, params.id!);
  return attachment(await buildDocx(letter), `${letter.fileName}.docx`, DOCX_TYPE);
}
