/**
 * Member input (synpunkter) on a remiss: what a member municipality writes, saves, sends,
 * edits and withdraws; and the submitted input staff and board read.
 */
import { Form, useNavigation } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/lib/format";
import { label } from "~/lib/labels";
import { Deadline } from "./start/deadline";
import { ConfirmedAction } from "./confirmed-action";
import { FormError, TextArea, type FormProblemsView } from "./form";
import { answerField } from "~/lib/member-input";
import type { AnswerData } from "./remiss-tracking";

interface Input {
  id: string;
  text: string;
  /** Answers per question; null for free-text input. */
  answers?: { questionId: string; text: string }[] | null;
  status: string;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  municipality: { id: string; name: string };
  author: { id: string; name: string } | null;
  abilities: { canEdit: boolean; canSubmit: boolean; canWithdraw: boolean };
}

/** Staff's published questions on the remiss. */
export interface AskedQuestions {
  intro: string | null;
  questions: { id: string; text: string }[];
}

interface InputRemiss {
  archivedAt: string | null;
  abilities: { canWriteMemberInput: boolean };
  memberInputs: Input[];
}

function problemsFor(answer: AnswerData | undefined, intent: string, inputId?: string): FormProblemsView | null {
  if (!answer || !("problems" in answer)) return null;
  const values = answer.problems.values;
  if (values.intent !== intent || (inputId && values.inputId !== inputId)) return null;
  return answer.problems;
}

/**
 * Busy until the page shows the answer: also while the page reloads after the save
 * ("loading"), when the form still holds the old version and a second press would
 * be refused as a conflict.
 */
function useBusy(intent: string, inputId?: string): boolean {
  const navigation = useNavigation();
  const data = navigation.formData;
  return navigation.state !== "idle" && data?.get("intent") === intent && (!inputId || data.get("inputId") === inputId);
}

/** The receipt on the page: what was sent, when, by whom, for which municipality. */
function Receipt({ input }: { input: Input }) {
  const changedLater = input.submittedAt && new Date(input.updatedAt).getTime() - new Date(input.submittedAt).getTime() > 1000;
  return (
    <section className="card receipt" aria-labelledby={`kvitto-${input.id}`}>
      <h3 id={`kvitto-${input.id}`}>Kvitto: synpunkterna är skickade till SmåKom</h3>
      <dl className="facts">
        <dt>Skickat</dt>
        <dd>{formatDateTime(input.submittedAt)}</dd>
        {changedLater && (
          <>
            <dt>Senast ändrat</dt>
            <dd>{formatDateTime(input.updatedAt)}</dd>
          </>
        )}
        <dt>Av</dt>
        <dd>{input.author?.name ?? "Okänd"}</dd>
        <dt>För</dt>
        <dd>{input.municipality.name}</dd>
      </dl>
      <h4>Det här skickades</h4>
      <p className="input-text">{input.text}</p>
      <p className="muted">Ett kvitto har också skickats med e-post.</p>
    </section>
  );
}

/**
 * A draft's two buttons (keep it, or send it) or, once sent, one that saves the change. The
 * action reads `name`: "1" sends. Shared by the member's forms and staff's questions.
 */
export function SaveOrSendButtons({ name, sent, busy, sendLabel, savedLabel = "Spara ändringarna" }: {
  name: string;
  sent: boolean;
  busy: boolean;
  sendLabel: string;
  savedLabel?: string;
}) {
  return (
    <div className="actions">
      {sent ? (
        <button type="submit" name={name} value="0" disabled={busy}>{busy ? "Sparar…" : savedLabel}</button>
      ) : (
        <>
          <button type="submit" name={name} value="0" className="button-secondary" disabled={busy}>Spara utkast</button>
          <button type="submit" name={name} value="1" disabled={busy}>{busy ? "Skickar…" : sendLabel}</button>
        </>
      )}
    </div>
  );
}

function EditInput({ input, answer }: { input: Input; answer?: AnswerData }) {
  const problems = problemsFor(answer, "editInput", input.id);
  const busy = useBusy("editInput", input.id);
  const draft = input.status === "DRAFT";
  return (
    <Form method="post" className="stack" aria-describedby={problems?.formError ? "form-error" : undefined}>
      <input type="hidden" name="intent" value="editInput" />
      <input type="hidden" name="inputId" value={input.id} />
      <input type="hidden" name="expectedVersion" value={input.version} />
      <FormError problems={problems} />
      <TextArea
        name="text" label={draft ? "Dina synpunkter (utkast)" : "Ändra synpunkterna"} rows={8}
        defaultValue={input.text} problems={problems}
        hint={draft ? "Utkastet syns bara för din kommun tills du skickar det." : "Ändringarna skickas till SmåKom när du sparar."}
      />
      <SaveOrSendButtons name="send" sent={!draft} busy={busy} sendLabel="Skicka till SmåKom" />
    </Form>
  );
}

/** The answer fields, one per question; the field names are what member-input.server.ts reads. */
function AnswerFields({ asked, input, problems }: { asked: AskedQuestions; input?: Input; problems: FormProblemsView | null }) {
  const given = new Map((input?.answers ?? []).map((a) => [a.questionId, a.text]));
  return (
    <ol className="input-questions">
      {asked.questions.map((q, i) => (
        <li key={q.id}>
          <TextArea
            name={answerField(q.id)} label={`Fråga ${i + 1}: ${q.text}`} rows={5}
            defaultValue={given.get(q.id) ?? ""} problems={problems}
          />
        </li>
      ))}
    </ol>
  );
}

/** Answers per question: new (no input id) or the municipality's own, a draft or sent. */
function AnswersForm({ asked, input, answer }: { asked: AskedQuestions; input?: Input; answer?: AnswerData }) {
  const intent = input ? "editInput" : "createInput";
  const problems = problemsFor(answer, intent, input?.id);
  const busy = useBusy(intent, input?.id);
  const sent = input?.status === "SUBMITTED";
  return (
    <Form method="post" className="stack" aria-describedby={problems?.formError ? "form-error" : undefined}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="mode" value="answers" />
      {input && <input type="hidden" name="inputId" value={input.id} />}
      {input && <input type="hidden" name="expectedVersion" value={input.version} />}
      <FormError problems={problems} />
      <p className="muted">
        {sent
          ? "Ändringarna skickas till SmåKom när du sparar."
          : "Svara på de frågor som berör er; en fråga kan lämnas tom. Utkastet syns bara för din kommun tills du skickar det."}
      </p>
      <AnswerFields asked={asked} input={input} problems={problems} />
      <SaveOrSendButtons name="send" sent={sent} busy={busy} sendLabel="Skicka till SmåKom" />
    </Form>
  );
}

function WithdrawInput({ input, answer }: { input: Input; answer?: AnswerData }) {
  const problems = problemsFor(answer, "withdrawInput", input.id);
  const busy = useBusy("withdrawInput", input.id);
  return (
    <div className="stack">
      <FormError problems={problems} />
      <p className="muted">Du kan dra tillbaka synpunkterna fram till sista dagen. SmåKom ser dem då inte längre.</p>
      <ConfirmedAction
        label="Dra tillbaka synpunkterna…" confirm="Ja, dra tillbaka synpunkterna" busy={busy} busyLabel="Drar tillbaka…" danger
        warning="Synpunkterna kan inte skickas igen när de är tillbakadragna: SmåKom ser dem inte längre, och vill du säga något får du skriva nya."
      >
        <input type="hidden" name="intent" value="withdrawInput" />
        <input type="hidden" name="inputId" value={input.id} />
      </ConfirmedAction>
    </div>
  );
}

function NewInput({ answer }: { answer?: AnswerData }) {
  const problems = problemsFor(answer, "createInput");
  const busy = useBusy("createInput");
  return (
    <Form method="post" className="stack" aria-describedby={problems?.formError ? "form-error" : undefined}>
      <input type="hidden" name="intent" value="createInput" />
      <FormError problems={problems} />
      <TextArea
        name="text" label="Dina synpunkter" rows={8} problems={problems}
        hint="Skriv vad remissen betyder för din kommun. Spara som utkast för att fortsätta senare, eller skicka direkt."
      />
      <SaveOrSendButtons name="send" sent={false} busy={busy} sendLabel="Skicka till SmåKom" />
    </Form>
  );
}

/** What a member sees: the deadline, their municipality's input, and the form while open. */
export function MemberInputArea({
  remiss, asked, me, memberDeadline, today, answer,
}: {
  remiss: InputRemiss;
  /** The questions staff ask, once published; null when members write free text. */
  asked: AskedQuestions | null;
  me: { municipality: { id: string; name: string } | null };
  memberDeadline: string;
  today: string;
  answer?: AnswerData;
}) {
  const open = remiss.abilities.canWriteMemberInput;
  const own = remiss.memberInputs;
  const active = own.filter((i) => i.status !== "WITHDRAWN");
  const withdrawn = own.filter((i) => i.status === "WITHDRAWN");
  const municipality = me.municipality?.name ?? "din kommun";
  // An answer to a form that is no longer shown (the deadline passed meanwhile) still needs saying.
  const orphan = answer && "problems" in answer && !open ? answer.problems : null;
  return (
    <>
      <p>
        Sista dag för synpunkter från {municipality}: <Deadline date={memberDeadline} today={today} />
      </p>
      <FormError problems={orphan} />
      {asked && (
        <div className="input-request-intro">
          <p>
            SmåKom ber {municipality} svara på {asked.questions.length === 1 ? "en fråga" : `${asked.questions.length} frågor`}.
          </p>
          {asked.intro && <p className="summary-text">{asked.intro}</p>}
          {active.some((input) => !input.answers) && (
            // Input written as free text before the questions came stays free text: the questions are
            // shown here so the municipality can answer them in it, or withdraw it and answer per question.
            <div className="notice" role="note">
              <p>
                {municipality} skrev synpunkter som fritext innan frågorna kom. Ni kan ändra texten så att den svarar på
                frågorna, eller dra tillbaka synpunkterna och svara fråga för fråga.
              </p>
              <ol className="input-questions">
                {asked.questions.map((q) => <li key={q.id}>{q.text}</li>)}
              </ol>
            </div>
          )}
        </div>
      )}
      {!open && (
        <div className="notice" role="note">
          <p>
            {remiss.archivedAt
              ? "Remissen är arkiverad. Det går inte längre att skriva synpunkter på den."
              : `Sista dagen för synpunkter var ${formatDate(memberDeadline)}. Det går inte längre att skicka, ändra eller dra tillbaka synpunkter på den här remissen.`}
          </p>
        </div>
      )}
      {active.length > 0 && (
        <ul className="input-list">
          {active.map((input) => (
            <li key={input.id} className="stack">
              {input.status === "SUBMITTED" && <Receipt input={input} />}
              {input.status === "DRAFT" && !input.abilities.canEdit && (
                <div className="card">
                  <h3>Utkast som aldrig skickades</h3>
                  <p className="input-text">{input.text}</p>
                </div>
              )}
              {input.abilities.canEdit && (asked && input.answers
                ? <AnswersForm asked={asked} input={input} answer={answer} />
                : <EditInput input={input} answer={answer} />)}
              {input.abilities.canWithdraw && <WithdrawInput input={input} answer={answer} />}
            </li>
          ))}
        </ul>
      )}
      {open && active.length === 0 && (
        <>
          {withdrawn.length > 0 && <p className="muted">Era tidigare synpunkter är återkallade. Ni kan skriva nya.</p>}
          {asked ? <AnswersForm asked={asked} answer={answer} /> : <NewInput answer={answer} />}
        </>
      )}
      {!open && own.length === 0 && <p className="muted">{municipality} skickade inga synpunkter på remissen.</p>}
      {withdrawn.length > 0 && (
        <details>
          <summary>Återkallade synpunkter ({withdrawn.length})</summary>
          <ul className="input-list">
            {withdrawn.map((input) => (
              <li key={input.id} className="card">
                <p className="muted">Återkallade {formatDateTime(input.updatedAt)}, skickade av {input.author?.name ?? "okänd"}.</p>
                <p className="input-text">{input.text}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** Staff and board read the input municipalities have sent (never their drafts). */
export function SubmittedInputs({ inputs }: { inputs: Input[] }) {
  const sent = inputs.filter((i) => i.status === "SUBMITTED");
  const withdrawn = inputs.filter((i) => i.status === "WITHDRAWN");
  return (
    <>
      <h3>Inskickade synpunkter ({sent.length})</h3>
      {sent.length === 0 ? (
        <p className="muted">Ingen medlemskommun har skickat synpunkter ännu.</p>
      ) : (
        <ul className="input-list">
          {sent.map((input) => (
            <li key={input.id} className="card" id={`synpunkt-${input.id}`}>
              <h4>{input.municipality.name}</h4>
              <p className="muted">
                Skickade {formatDateTime(input.submittedAt)} av {input.author?.name ?? "okänd"}
              </p>
              <p className="input-text">{input.text}</p>
            </li>
          ))}
        </ul>
      )}
      {withdrawn.length > 0 && (
        <p className="muted">
          Återkallade: {withdrawn.map((i) => `${i.municipality.name} (${label("memberInputStatus", i.status).toLowerCase()} ${formatDate(i.updatedAt)})`).join(", ")}.
        </p>
      )}
    </>
  );
}
