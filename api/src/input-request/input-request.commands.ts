import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { InputRequest, MemberInput, Remiss, type InputAnswer, type InputQuestion } from "@remissbanken/schema";
import { authorize, type Actor } from "../auth/policy.js";
import { badInput, conflict, DomainError, notFound } from "../common/errors.js";
import { ensureNotArchived, loadForUpdate } from "../common/crud.js";
import { parseInput } from "../common/validation.js";
import { closedForInput } from "../member-input/member-input.commands.js";
import { answersSchema, saveInputRequestSchema, type InputAnswerInput, type SaveInputRequestInput } from "./input-request.inputs.js";

/** The ids of the questions some municipality has answered (drafts too: a draft is theirs, not ours to drop). */
async function answeredQuestionIds(manager: EntityManager, remissId: string): Promise<Set<string>> {
  const rows: { question_id: string }[] = await manager.query(
    `SELECT DISTINCT a->>'questionId' AS question_id
       FROM member_input mi, jsonb_array_elements(mi.answers) a
      WHERE mi.remiss_id = $1 AND mi.answers IS NOT NULL AND btrim(a->>'text') <> ''`,
    [remissId],
  );
  return new Set(rows.map((r) => r.question_id));
}

/**
 * Staff write or change the questions of a remiss's input request, and publish it.
 * A question keeps its id when reworded, so its answers stay with it; removing a question
 * someone has answered is refused rather than losing the answers.
 */
export async function inputRequestSaver(manager: EntityManager, actor: Actor, input: SaveInputRequestInput): Promise<InputRequest> {
  authorize(actor, "inputRequest", "write");
  const data = parseInput(saveInputRequestSchema, input);
  const remiss = await manager.getRepository(Remiss).findOne({ where: { id: data.remissId } });
  if (!remiss) throw notFound("Remiss", data.remissId);
  ensureNotArchived(remiss, "The remiss");
  const closed = closedForInput(remiss);
  if (closed) throw new DomainError("BAD_USER_INPUT", "DEADLINE_PASSED", `${closed} Move the member deadline to ask the members.`);

  const existingId = (await manager.getRepository(InputRequest).findOne({ where: { remissId: remiss.id }, select: { id: true } }))?.id;
  const request = existingId
    ? await loadForUpdate(manager, InputRequest, "Input request", existingId, data.expectedVersion)
    : manager.create(InputRequest, { remissId: remiss.id, questions: [], intro: null, publishedAt: null });

  const known = new Set(request.questions.map((q) => q.id));
  const unknown = data.questions.filter((q) => q.id && !known.has(q.id));
  if (unknown.length > 0) {
    throw badInput("A question id is not one of this request's questions.", unknown.map((q) => ({ field: "questions", message: `unknown question ${q.id}` })));
  }
  const questions: InputQuestion[] = data.questions.map((q) => ({ id: q.id ?? randomUUID(), text: q.text }));
  const kept = new Set(questions.map((q) => q.id));
  const removed = request.questions.filter((q) => !kept.has(q.id));
  if (removed.length > 0) {
    const answered = await answeredQuestionIds(manager, remiss.id);
    const lost = removed.filter((q) => answered.has(q.id));
    if (lost.length > 0) {
      throw conflict("QUESTION_ANSWERED", `Municipalities have answered ${lost.map((q) => `"${q.text}"`).join(", ")}; reword it instead of removing it.`);
    }
  }
  request.questions = questions;
  request.intro = data.intro ?? null;
  if (data.publish && !request.publishedAt) request.publishedAt = new Date();
  return manager.save(request);
}

/** The published request on a remiss, or null: members answer only questions they have been asked. */
export async function publishedRequestOf(manager: EntityManager, remissId: string | null): Promise<InputRequest | null> {
  if (!remissId) return null;
  const request = await manager.getRepository(InputRequest).findOne({ where: { remissId } });
  return request?.publishedAt ? request : null;
}

/** The answers written out, question by question, as the input's text (search, receipts, the summary). */
export function answersText(questions: InputQuestion[], answers: InputAnswer[]): string {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a.text]));
  return questions
    .map((q, i) => ({ n: i + 1, q, a: byQuestion.get(q.id) ?? "" }))
    .filter(({ a }) => a !== "")
    .map(({ n, q, a }) => `${n}. ${q.text}\n${a}`)
    .join("\n\n");
}

/**
 * What a member's input holds: answers per question when the remiss has a published
 * request and the input answers it, else free text (as before requests existed).
 */
export async function inputContent(
  manager: EntityManager,
  subject: { remissId: string | null },
  sent: { text?: string | null; answers?: InputAnswerInput[] | null },
  /** For an edit: whether the input already answers questions (free-text input stays free text). */
  existing?: Pick<MemberInput, "answers">,
): Promise<{ text: string; answers: InputAnswer[] | null }> {
  const request = await publishedRequestOf(manager, subject.remissId);
  const wantsAnswers = existing ? existing.answers !== null : request !== null;
  if (!wantsAnswers) {
    if (sent.answers) throw badInput("This input is free text; there are no questions to answer.", [{ field: "answers", message: "not asked" }], "NO_INPUT_REQUEST");
    if (!sent.text) throw badInput("text: must not be empty", [{ field: "text", message: "must not be empty" }]);
    return { text: sent.text, answers: null };
  }
  if (!request) throw badInput("The remiss has no questions to answer.", [{ field: "answers", message: "not asked" }], "NO_INPUT_REQUEST");
  if (!sent.answers) throw badInput("answers: answer the questions", [{ field: "answers", message: "answer the questions" }]);
  const answers = parseInput(answersSchema, sent.answers);
  const asked = new Set(request.questions.map((q) => q.id));
  const strays = answers.filter((a) => !asked.has(a.questionId));
  if (strays.length > 0) throw badInput("An answer is to a question that was not asked.", strays.map((a) => ({ field: "answers", message: `unknown question ${a.questionId}` })));
  // Answers to questions removed since (never answered, or removal would be refused) are not kept.
  return { text: answersText(request.questions, answers), answers: answers.filter((a) => a.text !== "") };
}
