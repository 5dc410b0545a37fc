/**
 * A response's way to the ministry, as buttons from the API's abilities: staff send a
 * draft for decision, the board decides on exactly the version it read, staff mark it
 * sent. The forms post to /remissvar/:id/arbetsflode and work without JavaScript.
 */
import { Form, Link } from "@remix-run/react";

interface WorkflowResponse {
  id: string;
  status: string;
  currentVersion: number;
  abilities: { canEdit: boolean; canApprove: boolean; canRequestApproval: boolean; canMarkSubmitted: boolean };
}

export function ResponseWorkflow({ response }: { response: WorkflowResponse }) {
  const { abilities, status, currentVersion } = response;
  const action = `/remissvar/${response.id}/arbetsflode`;
  const button = (intent: string, text: string, secondary = false) => (
    <Form method="post" action={action}>
      <input type="hidden" name="version" value={currentVersion} />
      <button type="submit" name="intent" value={intent} className={secondary ? "button button-secondary" : "button"}>{text}</button>
    </Form>
  );
  const canReturn = abilities.canRequestApproval && (status === "FOR_APPROVAL" || status === "APPROVED");
  return (
    <section className="workflow card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Arbetsgång</h2>
      {status === "APPROVED" && (
        <p>Version {currentVersion} är beslutad och låst. En senare ändring upphäver beslutet och svaret måste beslutas igen.</p>
      )}
      {status === "FOR_APPROVAL" && <p>Version {currentVersion} väntar på styrelsens beslut.</p>}
      <div className="actions">
        {abilities.canEdit && <Link to={`/remissvar/${response.id}/redigera`} className="button">Redigera</Link>}
        {abilities.canRequestApproval && status === "DRAFT" && button("request-approval", "Skicka för beslut")}
        {abilities.canApprove && status === "FOR_APPROVAL" && button("approve", `Besluta version ${currentVersion}`)}
        {canReturn && button("return-to-draft", "Återför till utkast", true)}
        {abilities.canMarkSubmitted && status === "APPROVED" && button("mark-submitted", "Markera som inskickad")}
      </div>
      <p>
        Ladda ner: <a href={`/remissvar/${response.id}/export.docx`} download>Word (.docx)</a>{" · "}
        <a href={`/remissvar/${response.id}/export.pdf`} download>PDF</a>
      </p>
    </section>
  );
}
