import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, LocalDate, RemissStatus } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

@InputType()
export class CreateRemissInput {
  @Field(() => ID, { description: "The document sent out for consultation." })
  documentId: string;

  @Field(() => String, { nullable: true, description: 'E.g. "Fi2011/4105".' })
  diarienummer?: string | null;

  @Field(() => String)
  ministry: string;

  @Field(() => [String], { nullable: true })
  referralBodies?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  smakomIsReferralBody?: boolean | null;

  @Field(() => LocalDate, { description: "Sista svarsdag to the ministry." })
  deadline: string;

  @Field(() => LocalDate, { nullable: true })
  memberInputDeadline?: string | null;

  @Field(() => RemissStatus, { nullable: true })
  status?: RemissStatus | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;
}

@InputType()
export class UpdateRemissInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  diarienummer?: string | null;

  @Field(() => String, { nullable: true })
  ministry?: string | null;

  @Field(() => [String], { nullable: true })
  referralBodies?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  smakomIsReferralBody?: boolean | null;

  @Field(() => LocalDate, { nullable: true })
  deadline?: string | null;

  @Field(() => LocalDate, { nullable: true })
  memberInputDeadline?: string | null;

  @Field(() => RemissStatus, { nullable: true })
  status?: RemissStatus | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;
}

@InputType()
export class RemissFilter {
  @Field(() => [RemissStatus], { nullable: true })
  statuses?: RemissStatus[] | null;

  @Field(() => String, { nullable: true })
  ministry?: string | null;

  @Field(() => LocalDate, { nullable: true })
  deadlineFrom?: string | null;

  @Field(() => LocalDate, { nullable: true })
  deadlineTo?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  priorityAreaId?: string | null;

  @Field(() => Boolean, { nullable: true })
  smakomIsReferralBody?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}

@ArgsType()
export class RemisserArgs extends PageArgs {
  @Field(() => RemissFilter, { nullable: true })
  filter?: RemissFilter | null;
}

/** Regeringskansliets diarienummer: office code, year, serial, e.g. "Fi2011/4105", "KN2026/00741", "Fi2020/01234/K". */
const diarienummer = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ""))
  .pipe(z.string().regex(/^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\d{4}\/\d{1,6}(\/[A-Za-zÅÄÖåäö0-9-]{1,10})?$/u, 'must look like "Fi2011/4105"'));

const fields = {
  documentId: v.uuid,
  diarienummer: diarienummer.nullish(),
  ministry: v.name,
  referralBodies: z.array(v.shortText).max(LIMITS.referralBodies).nullish(),
  smakomIsReferralBody: z.boolean().nullish(),
  deadline: v.date,
  memberInputDeadline: v.date.nullish(),
  status: z.nativeEnum(RemissStatus).nullish(),
  ownerId: v.uuid.nullish(),
  notes: v.optionalText(LIMITS.notesLength),
  sourceUrl: v.url.nullish(),
};

export const createRemissSchema = z.object(fields);
export const updateRemissSchema = z.object({
  ...fields,
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  documentId: z.undefined().optional(),
  ministry: v.name.nullish(),
  deadline: v.date.nullish(),
});

export const memberInputSummarySchema = z.object({
  remissId: v.uuid,
  text: v.optionalText(LIMITS.summaryLength),
  publish: z.boolean(),
  expectedVersion: z.number().int().nullish(),
});
