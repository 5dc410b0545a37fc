import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, MemberInputStatus } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";
import { InputAnswerInput } from "../input-request/input-request.inputs.js";

@InputType()
export class CreateMemberInputInput {
  @Field(() => ID, { nullable: true })
  remissId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => String, { nullable: true, description: "Free-text input; for a remiss with published questions give `answers` instead." })
  text?: string | null;

  @Field(() => [InputAnswerInput], { nullable: true, description: "Answers per question of the remiss's published input request." })
  answers?: InputAnswerInput[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Submit at once instead of saving a draft." })
  submit?: boolean | null;
}

@InputType()
export class UpdateMemberInputInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: "Free-text input; input that answers questions takes `answers`." })
  text?: string | null;

  @Field(() => [InputAnswerInput], { nullable: true })
  answers?: InputAnswerInput[] | null;
}

@InputType()
export class MemberInputFilter {
  @Field(() => ID, { nullable: true })
  remissId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => [MemberInputStatus], { nullable: true })
  statuses?: MemberInputStatus[] | null;
}

@ArgsType()
export class MemberInputsArgs extends PageArgs {
  @Field(() => MemberInputFilter, { nullable: true })
  filter?: MemberInputFilter | null;
}

export const createMemberInputSchema = z.object({
  remissId: v.uuid.nullish(),
  inquiryId: v.uuid.nullish(),
  text: v.text(LIMITS.memberInputLength).nullish(),
  // Checked against the questions by inputContent, which knows whether any were asked.
  answers: z.array(z.unknown()).nullish(),
  submit: z.boolean().nullish(),
});

export const updateMemberInputSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  text: v.text(LIMITS.memberInputLength).nullish(),
  answers: z.array(z.unknown()).nullish(),
});
