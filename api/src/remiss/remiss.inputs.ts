import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, LocalDate, RemissStatus } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

/** The fields a remiss's create and update share; on update, a field left out stays as it is. */
@InputType()
class RemissFieldsInput {
  @Field(() => String, { nullable: true, description: 'E.g. "Fi2011/4105".' })
  diarienummer?: string | null;

  @Field(() => [String], { nullable: true, description: "Remissinstanser." })
  referralBodies?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  smakomIsReferralBody?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: "Internal deadline for member input; not after the ministry's deadline." })
  memberInputDeadline?: string | null;

  @Field(() => RemissStatus, { nullable: true })
  status?: RemissStatus | null;

  @Field(() => ID, { nullable: true, description: "The staff member responsible." })
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: "Internal notes, read by staff and board only." })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;
}

@InputType()
export class CreateRemissInput extends RemissFieldsInput {
  @Field(() => ID, { description: "The document sent out for consultation." })
  documentId: string;

  @Field(() => String)
  ministry: string;

  @Field(() => LocalDate, { description: "Sista svarsdag to the ministry." })
  deadline: string;
}

@InputType()
export class UpdateRemissInput extends RemissFieldsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: "The version you edited; a newer one in the database is a CONFLICT." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  ministry?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Sista svarsdag to the ministry." })
  deadline?: string | null;
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
