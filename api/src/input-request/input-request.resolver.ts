import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import { DateTime, InputQuestion, InputRequest, LocalDate, MemberInput, MemberInputStatus, Municipality, Remiss } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { can, requireActor } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { closedForInput, memberDeadlineOf } from "../member-input/member-input.commands.js";
import { inputRequestSaver } from "./input-request.commands.js";
import { SaveInputRequestInput } from "./input-request.inputs.js";

export enum InputAnswerState {
  /** Input sent to SmåKom (answers or free text). */
  ANSWERED = "ANSWERED",
  /** A draft not yet sent: only the municipality itself sees this. */
  DRAFT = "DRAFT",
  NOT_ANSWERED = "NOT_ANSWERED",
}
registerEnumType(InputAnswerState, { name: "InputAnswerState", description: "Whether a municipality has answered an input request." });

@ObjectType({ description: "One municipality's place in an input request: has it answered?" })
class MunicipalityAnswerState {
  @Field(() => Municipality) municipality: Municipality;
  @Field(() => InputAnswerState) state: InputAnswerState;
  @Field(() => DateTime, { nullable: true, description: "When the input was sent." }) submittedAt: Date | null;
  @Field(() => MemberInput, { nullable: true, description: "The input this state is read from." }) memberInput: MemberInput | null;
}

@ObjectType({ description: "A municipality's answer to one question." })
class QuestionAnswer {
  @Field(() => MemberInput) memberInput: MemberInput;
  @Field(() => String) text: string;
}

@ObjectType({ description: "A question with every answer the caller may read, side by side." })
class QuestionAnswers {
  @Field(() => Int, { description: "1 for the first question." }) number: number;
  @Field(() => InputQuestion) question: InputQuestion;
  @Field(() => [QuestionAnswer]) answers: QuestionAnswer[];
}

@ObjectType()
class InputRequestAbilities {
  @Field(() => Boolean, { description: "Staff may change the questions (until the member deadline)." }) canEdit: boolean;
  @Field(() => Boolean, { description: "Staff may ask the members now: saved but not yet published." }) canPublish: boolean;
}

/** The input that speaks for a municipality: the one sent, else its draft; withdrawn input is no answer. */
function current(inputs: MemberInput[]): MemberInput | null {
  const live = inputs.filter((i) => i.status !== MemberInputStatus.WITHDRAWN);
  return live.find((i) => i.status === MemberInputStatus.SUBMITTED) ?? live[0] ?? null;
}

@Resolver(() => InputRequest)
export class InputRequestResolver {
  @Mutation(() => InputRequest, {
    description:
      "Staff write the questions of a remiss's input request (1–10, an optional intro) and publish them to the members. " +
      "BAD_USER_INPUT (DEADLINE_PASSED) after the member deadline; CONFLICT (QUESTION_ANSWERED) when removing an answered question.",
  })
  saveInputRequest(@Arg("input", () => SaveInputRequestInput) input: SaveInputRequestInput, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => inputRequestSaver(m, actor, input));
  }

  @FieldResolver(() => LocalDate, { description: "The last day to answer: the remiss's member-input deadline (else its deadline)." })
  async deadline(@Root() request: InputRequest, @Ctx() ctx: Context): Promise<string> {
    return memberDeadlineOf((await ctx.loaders.remiss.load(request.remissId))!);
  }

  @FieldResolver(() => Remiss)
  remiss(@Root() request: InputRequest, @Ctx() ctx: Context) {
    return ctx.loaders.remiss.load(request.remissId);
  }

  @FieldResolver(() => [MunicipalityAnswerState], {
    description: "Staff and board: every active member municipality, answered or not. A member: their own municipality only.",
  })
  async municipalities(@Root() request: InputRequest, @Ctx() ctx: Context): Promise<MunicipalityAnswerState[]> {
    const actor = requireActor(ctx.actor);
    const inputs = await ctx.loaders.memberInputsByRemiss.load(request.remissId);
    const repo = ctx.ds.getRepository(Municipality);
    const municipalities = can(actor, "inputRequest", "readAllMunicipalities")
      ? await repo.createQueryBuilder("m").where("m.active AND m.archived_at IS NULL").orderBy("m.name").getMany()
      : actor.municipalityId ? await repo.find({ where: { id: actor.municipalityId } }) : [];
    return municipalities.map((municipality) => {
      const input = current(inputs.filter((i) => i.municipalityId === municipality.id));
      const state = !input ? InputAnswerState.NOT_ANSWERED
        : input.status === MemberInputStatus.SUBMITTED ? InputAnswerState.ANSWERED : InputAnswerState.DRAFT;
      return { municipality, state, submittedAt: input?.submittedAt ?? null, memberInput: input };
    });
  }

  @FieldResolver(() => [QuestionAnswers], {
    description: "Per question, the answers you may read (staff and board: those sent; a member: their municipality's, drafts too).",
  })
  async answersByQuestion(@Root() request: InputRequest, @Ctx() ctx: Context): Promise<QuestionAnswers[]> {
    requireActor(ctx.actor);
    const inputs = (await ctx.loaders.memberInputsByRemiss.load(request.remissId)).filter((i) => i.answers && i.status !== MemberInputStatus.WITHDRAWN);
    const names = new Map((await Promise.all(inputs.map((i) => ctx.loaders.municipality.load(i.municipalityId)))).map((m) => [m!.id, m!.name]));
    inputs.sort((a, b) => names.get(a.municipalityId)!.localeCompare(names.get(b.municipalityId)!, "sv"));
    return request.questions.map((question, index) => ({
      number: index + 1,
      question,
      answers: inputs.flatMap((memberInput) => {
        const text = memberInput.answers!.find((a) => a.questionId === question.id)?.text ?? "";
        return text ? [{ memberInput, text }] : [];
      }),
    }));
  }

  @FieldResolver(() => InputRequestAbilities)
  async abilities(@Root() request: InputRequest, @Ctx() ctx: Context): Promise<InputRequestAbilities> {
    const remiss = await ctx.loaders.remiss.load(request.remissId);
    const canEdit = can(ctx.actor, "inputRequest", "write") && !!remiss && closedForInput(remiss) === null;
    return { canEdit, canPublish: canEdit && request.publishedAt === null };
  }
}

@Resolver(() => Remiss)
export class RemissInputRequestResolver {
  @FieldResolver(() => InputRequest, {
    nullable: true,
    description: "Staff's questions to the members on this remiss; members see them once published.",
  })
  async inputRequest(@Root() remiss: Remiss, @Ctx() ctx: Context): Promise<InputRequest | null> {
    const [request] = await ctx.loaders.inputRequestsByRemiss.load(remiss.id);
    return request && can(ctx.actor, "inputRequest", "read", request) ? request : null;
  }
}
