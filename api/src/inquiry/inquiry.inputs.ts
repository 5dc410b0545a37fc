import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { InquiryStatus, LIMITS, LocalDate } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

/** The fields an inquiry's create and update share; on update, a field left out stays as it is. */
@InputType()
class InquiryFieldsInput {
  @Field(() => String, { nullable: true, description: 'Kommittébeteckning, e.g. "M 2019:02".' })
  committeeDesignation?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => InquiryStatus, { nullable: true })
  status?: InquiryStatus | null;

  @Field(() => LocalDate, { nullable: true })
  reportDueDate?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [ID], { nullable: true, description: "The inquiry's priority areas (replaces them on update)." })
  priorityAreaIds?: string[] | null;
}

@InputType()
export class CreateInquiryInput extends InquiryFieldsInput {
  @Field(() => String)
  name: string;
}

@InputType()
export class UpdateInquiryInput extends InquiryFieldsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: "The version you edited; a newer one in the database is a CONFLICT." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;
}

@InputType()
export class InquiryFilter {
  @Field(() => InquiryStatus, { nullable: true })
  status?: InquiryStatus | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => ID, { nullable: true })
  priorityAreaId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  reportDueFrom?: string | null;

  @Field(() => LocalDate, { nullable: true })
  reportDueTo?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}

@ArgsType()
export class InquiriesArgs extends PageArgs {
  @Field(() => InquiryFilter, { nullable: true })
  filter?: InquiryFilter | null;
}

/** Committee designations: a department letter code, year and number, e.g. "M 2019:02", "Fi 2020:05". */
const committeeDesignation = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, " "))
  .pipe(z.string().regex(/^[A-ZÅÄÖ][a-zåäö]{0,2} \d{4}:\d{1,3}$/u, 'must look like "M 2019:02"'));

const fields = {
  name: v.name,
  committeeDesignation: committeeDesignation.nullish(),
  department: v.optionalText(LIMITS.nameLength),
  status: z.nativeEnum(InquiryStatus).nullish(),
  reportDueDate: v.date.nullish(),
  summary: v.optionalText(LIMITS.summaryLength),
  priorityAreaIds: z.array(v.uuid).max(50).nullish(),
};

export const createInquirySchema = z.object(fields);
export const updateInquirySchema = z.object({
  ...fields,
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
});
