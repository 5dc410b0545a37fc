import { Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS } from "@remissbanken/schema";
import { v } from "../common/validation.js";

@InputType()
export class InputQuestionInput {
  @Field(() => ID, { nullable: true, description: "An existing question's id keeps its answers; leave out for a new question." })
  id?: string | null;

  @Field(() => String)
  text: string;
}

@InputType()
export class SaveInputRequestInput {
  @Field(() => ID)
  remissId: string;

  @Field(() => Int, { nullable: true, description: "The request's version you saw; a stale one is refused (CONFLICT)." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  intro?: string | null;

  @Field(() => [InputQuestionInput], {
    description: `1–${LIMITS.inputQuestions} questions in the order members see them. A question left out is removed, which is refused (CONFLICT, QUESTION_ANSWERED) once it has answers.`,
  })
  questions: InputQuestionInput[];

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Ask the members now (cannot be taken back)." })
  publish?: boolean | null;
}

@InputType()
export class InputAnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => String, { description: "May be empty: a municipality need not answer every question." })
  text: string;
}

export const saveInputRequestSchema = z.object({
  remissId: v.uuid,
  expectedVersion: z.number().int().nullish(),
  intro: v.optionalText(LIMITS.inputRequestIntroLength),
  questions: z
    .array(z.object({ id: v.uuid.nullish(), text: v.text(LIMITS.inputQuestionLength) }))
    .min(1, "ask at least one question")
    .max(LIMITS.inputQuestions, `at most ${LIMITS.inputQuestions} questions`)
    .refine((qs) => new Set(qs.flatMap((q) => (q.id ? [q.id] : []))).size === qs.filter((q) => q.id).length, "a question id appears twice"),
  publish: z.boolean().nullish(),
});

/** Answers as members send them: each may be empty, but not all of them. */
export const answersSchema = z
  .array(
    z.object({
      questionId: v.uuid,
      text: z.string().max(LIMITS.inputAnswerLength, `must be at most ${LIMITS.inputAnswerLength} characters`).transform((s) => s.trim()),
    }),
  )
  .max(LIMITS.inputQuestions)
  .refine((as) => new Set(as.map((a) => a.questionId)).size === as.length, "a question is answered twice")
  .refine((as) => as.some((a) => /[^\p{Cc}\p{Cf}\p{Z}\s]/u.test(a.text)), "answer at least one question");
