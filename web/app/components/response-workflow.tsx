/**
 * A response's way to the ministry, as buttons from the API's abilities: staff send a
 * draft for decision, the board decides on exactly the version it read or returns it to
 * the secretariat with a comment, staff mark it sent. The forms post to
 * /remissvar/:id/arbetsflode and work without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { LIMITS } from "@remissbanken/schema/limits";
import { TextArea, type FormProblemsView } from "~/components/form";

interface WorkflowResponse {
  id: string;
  status: string;
  currentVersion: number;
  abilities: { canEdit: boolean; canApprove: boolean; canRequestApproval: boolean; canReturnToDraft: boolean; canMarkSubmitted: boolean };
}

export const workflowAction = (id: string) => `/remissvar/${id}/arbetsflode`;

export function ResponseWorkflow({ response }: { response: WorkflowResponse }) {
  const { abilities, status, currentVersion } = response;
  const button = (intent: string, text: string, secondary = false) => (
    <Form method="post" action={workflowAction(response.id)}>
      <input type="hidden" name="version" value={currentVersion} />
      <button type="submit" name="intent" value={intent} className={secondary ? "button button-secondary" : "button"}>{text}</button>
    </Form>
  );
  return (
    <section className="workflow card" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Arbetsgång</h2>
      {status === "APPROVED" && (
        <p>
          <strong>Version {currentVersion} är beslutad och låst.</strong> Styrelsen har beslutat om just den versionen.
          Ändras texten upphävs beslutet: svaret blir ett utkast igen och måste beslutas på nytt.
        </p>
      )}
      {status === "FOR_APPROVAL" && (
        <p>
          Version {currentVersion} väntar på styrelsens beslut.
          {abilities.canApprove && " Beslutet gäller exakt den version du läser; sparas en ny version under tiden måste du läsa den först."}
        </p>
      )}
      <div className="actions">
        {abilities.canEdit && <Link to={`/remissvar/${response.id}/redigera`} className="button">Redigera</Link>}
        {abilities.canRequestApproval && button("request-approval", "Skicka för beslut")}
        {abilities.canApprove && button("approve", `Besluta version ${currentVersion}`)}
        {abilities.canMarkSubmitted && button("mark-submitted", "Markera som inskickad")}
      </div>
      {abilities.canReturnToDraft && <ReturnToDraftForm response={response} />}
      <p>
        Ladda ner: <a href={`/remissvar/${response.id}/export.docx`} download>Word (.docx)</a>{" · "}
        <a href={`/remissvar/${response.id}/export.pdf`} download>PDF</a>
      </p>
    </section>
  );
}

/** Returning a response to the secretariat, with an optional comment on what should change. */
export function ReturnToDraftForm({ response, problems }: { response: Pick<WorkflowResponse, "id" | "currentVersion">; problems?: FormProblemsView }) {
  return (
    <Form method="post" action={workflowAction(response.id)} className="workflow-return stack" noValidate>
      <input type="hidden" name="version" value={response.currentVersion} />
      <TextArea
        name="comment"
        label="Kommentar till kansliet"
        hint={`Frivillig. Skriv vad som ska ändras, högst ${LIMITS.workflowCommentLength.toLocaleString("sv-SE")} tecken.`}
        rows={3}
        problems={problems}
      />
      <div className="actions">
        <button type="submit" name="intent" value="return-to-draft" className="button button-secondary">Återförvisa till utkast</button>
      </div>
    </Form>
  );
}
