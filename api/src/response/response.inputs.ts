import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, ResponseKind, ResponseSection, ResponseStatus } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

@InputType()
export class CreateResponseInput {
  @Field(() => ResponseKind, { nullable: true, defaultValue: ResponseKind.RESPONSE })
  kind?: ResponseKind | null;

  @Field(() => ID, { nullable: true })
  remissId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => String)
  title: string;

  @Field(() => [ResponseSection], { nullable: true })
  sections?: ResponseSection[] | null;

  @Field(() => [ID], { nullable: true })
  priorityAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Documents the response refers to." })
  documentIds?: string[] | null;
}

@InputType()
export class SaveResponseVersionInput {
  @Field(() => ID)
  responseId: string;

  @Field(() => Int, { description: "The version number the edit started from (currentVersion when loaded)." })
  baseVersion: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [ResponseSection])
  sections: ResponseSection[];

  @Field(() => String, { nullable: true, description: "What changed." })
  comment?: string | null;

  @Field(() => [ID], { nullable: true })
  priorityAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  documentIds?: string[] | null;
}

@InputType()
export class ResponseFilter {
  @Field(() => ResponseKind, { nullable: true })
  kind?: ResponseKind | null;

  @Field(() => [ResponseStatus], { nullable: true })
  statuses?: ResponseStatus[] | null;

  @Field(() => ID, { nullable: true })
  remissId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => ID, { nullable: true })
  priorityAreaId?: string | null;

  @Field(() => Int, { nullable: true, description: "Year the response was created." })
  year?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}

@ArgsType()
export class ResponsesArgs extends PageArgs {
  @Field(() => ResponseFilter, { nullable: true })
  filter?: ResponseFilter | null;
}

const section = z.object({
  heading: v.text(LIMITS.sectionHeadingLength),
  body: z.string().max(LIMITS.sectionBodyLength, `must be at most ${LIMITS.sectionBodyLength} characters`),
});
const sections = z.array(section).max(LIMITS.sectionsPerResponse, `at most ${LIMITS.sectionsPerResponse} sections`);
const links = {
  priorityAreaIds: z.array(v.uuid).max(50).nullish(),
  documentIds: z.array(v.uuid).max(100).nullish(),
};

export const createResponseSchema = z.object({
  kind: z.nativeEnum(ResponseKind).nullish(),
  remissId: v.uuid.nullish(),
  inquiryId: v.uuid.nullish(),
  title: v.title,
  sections: sections.nullish(),
  ...links,
});

export const saveResponseVersionSchema = z.object({
  responseId: v.uuid,
  baseVersion: z.number().int().min(1),
  title: v.title.nullish(),
  sections: sections.min(1, "a response needs at least one section"),
  comment: v.optionalText(LIMITS.shortTextLength),
  ...links,
});
