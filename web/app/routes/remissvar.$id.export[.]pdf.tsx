/** GET /remissvar/:id/export.pdf: the remissvar as a PDF, for whoever may read it. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildPdf, PDF_TYPE } from "~/lib/export/pdf.server";
import { attachment, loadLetter } from "~/lib/export/letter.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const letter = await loadLetter(request, params.id!);
  return attachment(await buildPdf(letter), `${letter.fileName}.pdf`, PDF_TYPE);
}
