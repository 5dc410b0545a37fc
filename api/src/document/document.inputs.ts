import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { DocumentKind, LIMITS, LocalDate } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

/** The fields a document's create and update share; on update, a field left out stays as it is. */
@InputType()
class DocumentFieldsInput {
  @Field(() => String, { nullable: true, description: "E.g. \"SOU 2020:8\"; loose forms are normalized. Every kind but OTHER has one, of its own series." })
  designation?: string | null;

  @Field(() => String, { nullable: true })
  subtitle?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => LocalDate, { nullable: true })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => [ID], { nullable: true, description: "The document's priority areas (replaces them on update)." })
  priorityAreaIds?: string[] | null;
}

@InputType()
export class CreateDocumentInput extends DocumentFieldsInput {
  @Field(() => DocumentKind)
  kind: DocumentKind;

  @Field(() => String)
  title: string;
}

@InputType()
export class UpdateDocumentInput extends DocumentFieldsInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: "The version you edited; a newer one in the database is a CONFLICT." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;
}

@InputType()
export class DocumentFilter {
  @Field(() => [DocumentKind], { nullable: true })
  kinds?: DocumentKind[] | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => ID, { nullable: true })
  priorityAreaId?: string | null;

  @Field(() => ID, { nullable: true })
  inquiryId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  publishedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true })
  publishedTo?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeArchived?: boolean | null;
}

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @Field(() => DocumentFilter, { nullable: true })
  filter?: DocumentFilter | null;
}

const common = {
  title: v.title,
  subtitle: v.optionalText(LIMITS.titleLength),
  department: v.optionalText(LIMITS.nameLength),
  publishedAt: v.date.nullish(),
  sourceUrl: v.url.nullish(),
  summary: v.optionalText(LIMITS.summaryLength),
  inquiryId: v.uuid.nullish(),
  priorityAreaIds: z.array(v.uuid).max(50).nullish(),
};

export const createDocumentSchema = z.object({
  kind: z.nativeEnum(DocumentKind),
  designation: z.string().max(100).nullish(),
  ...common,
});

export const updateDocumentSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  designation: z.string().max(100).nullish(),
  ...common,
  title: v.title.optional(),
});
