import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, LocalDate, QuoteSourceType, ResponseKind, ResponseStance, ResponseStatus } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

@InputType()
export class ResponseQuoteInput {
  @Field(() => QuoteSourceType)
  sourceType: QuoteSourceType;

  @Field(() => ID)
  sourceId: string;

  @Field(() => String, { description: 'How the source is cited, e.g. "Forshaga kommun".' })
  label: string;

  @Field(() => String)
  text: string;
}

@InputType()
export class ResponseSectionInput {
  @Field(() => String, { nullable: true, description: 'The report\'s section number, e.g. "5.3".' })
  number?: string | null;

  @Field(() => String)
  heading: string;

  @Field(() => ResponseStance, { nullable: true })
  stance?: ResponseStance | null;

  @Field(() => String)
  body: string;

  @Field(() => [ResponseQuoteInput], { nullable: true })
  quotes?: ResponseQuoteInput[] | null;
}

/** The header fields of the answer; on save, an omitted field keeps its value and null clears it. */
@InputType()
class ResponseLetterFields {
  @Field(() => String, { nullable: true, description: "Sammanfattning; an empty string clears it." })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided and signs, e.g. "Anna Andersson, ordförande".' })
  signatory?: string | null;

  @Field(() => String, { nullable: true, description: "Who presented the matter (föredragande)." })
  presenter?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "The date on the answer." })
  letterDate?: string | null;
}

@InputType()
export class CreateResponseInput extends ResponseLetterFields {
  @Field(() => ResponseKind, { nullable: true, defaultValue: ResponseKind.RESPONSE })
  kind?: ResponseKind | null;

  @Field(() => ID, { nullable: true })
  remissId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => String)
  title: string;

  @Field(() => [ResponseSectionInput], { nullable: true })
  sections?: ResponseSectionInput[] | null;

  @Field(() => [ID], { nullable: true })
  priorityAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Documents the response refers to." })
  documentIds?: string[] | null;
}

@InputType()
export class SaveResponseVersionInput extends ResponseLetterFields {
  @Field(() => ID)
  responseId: string;

  @Field(() => Int, { description: "The version number the edit started from (currentVersion when loaded)." })
  baseVersion: number;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [ResponseSectionInput])
  sections: ResponseSectionInput[];

  @Field(() => String, { nullable: true, description: "What changed." })
  comment?: string | null;

  @Field(() => [ID], { nullable: true })
  priorityAreaIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  documentIds?: string[] | null;
}

@InputType({ description: "Which priority areas a response touches; the list replaces the current one." })
export class SetResponsePriorityAreasInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "The response's version when loaded (not currentVersion); CONFLICT if it changed since." })
  expectedVersion: number;

  @Field(() => [ID], { description: "Every area the response touches; an empty list clears them." })
  priorityAreaIds: string[];
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

  @Field(() => Int, { nullable: true, description: "Year the response was submitted, else approved, else created (as search counts it)." })
  year?: number | null;

  @Field(() => ResponseStance, { nullable: true, description: "Responses with at least one section taking this stance." })
  stance?: ResponseStance | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}

@ArgsType()
export class ResponsesArgs extends PageArgs {
  @Field(() => ResponseFilter, { nullable: true })
  filter?: ResponseFilter | null;
}

const quote = z.object({
  sourceType: z.nativeEnum(QuoteSourceType),
  sourceId: v.uuid,
  label: v.shortText,
  text: v.text(LIMITS.quoteTextLength),
});

const section = z.object({
  number: z
    .string()
    .trim()
    .max(LIMITS.sectionNumberLength, `must be at most ${LIMITS.sectionNumberLength} characters`)
    .transform((n) => n || null)
    .pipe(z.string().regex(/^\d{1,3}(\.\d{1,3})*$/, 'must be a section number such as "5" or "5.3.2"').nullable())
    .nullish()
    .transform((n) => n ?? null),
  heading: v.text(LIMITS.sectionHeadingLength),
  stance: z.nativeEnum(ResponseStance).nullish().transform((s) => s ?? null),
  body: z.string().max(LIMITS.sectionBodyLength, `must be at most ${LIMITS.sectionBodyLength} characters`),
  quotes: z
    .array(quote)
    .max(LIMITS.quotesPerSection, `at most ${LIMITS.quotesPerSection} quotes in a section`)
    .nullish()
    .transform((q) => q ?? []),
});

/** Each of the report's sections is answered once; the reason lets the editor point at the repeat. */
const sections = z
  .array(section)
  .max(LIMITS.sectionsPerResponse, `at most ${LIMITS.sectionsPerResponse} sections`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach(({ number }, index) => {
      if (number === null) return;
      if (seen.has(number)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "number"],
          message: `section ${number} is answered twice`,
          params: { reason: "DUPLICATE_SECTION_NUMBER" },
        });
      }
      seen.add(number);
    });
  });

const letterFields = {
  summary: z.string().max(LIMITS.summaryLength, `must be at most ${LIMITS.summaryLength} characters`).transform((s) => s.trim()).nullish(),
  signatory: v.optionalText(LIMITS.shortTextLength),
  presenter: v.optionalText(LIMITS.shortTextLength),
  letterDate: v.date.nullish(),
};
const priorityAreaIds = z.array(v.uuid).max(50);
const links = {
  priorityAreaIds: priorityAreaIds.nullish(),
  documentIds: z.array(v.uuid).max(100).nullish(),
};

export const createResponseSchema = z.object({
  kind: z.nativeEnum(ResponseKind).nullish(),
  remissId: v.uuid.nullish(),
  inquiryId: v.uuid.nullish(),
  title: v.title,
  sections: sections.nullish(),
  ...letterFields,
  ...links,
});

export const saveResponseVersionSchema = z.object({
  responseId: v.uuid,
  baseVersion: z.number().int().min(1),
  title: v.title.nullish(),
  sections: sections.min(1, "a response needs at least one section"),
  comment: v.optionalText(LIMITS.shortTextLength),
  ...letterFields,
  ...links,
});

export const setResponsePriorityAreasSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int(),
  priorityAreaIds,
});

export const returnToDraftSchema = z.object({
  comment: v.optionalText(LIMITS.workflowCommentLength),
});
