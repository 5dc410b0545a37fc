import { Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { LIMITS, SavedSearchFrequency } from "@remissbanken/schema";
import { v } from "../common/validation.js";
import { SearchFilter } from "../search/search.types.js";

@InputType()
export class SaveSearchInput {
  @Field(() => String, { description: "What the person calls it, e.g. \"Strandskydd\"." })
  name: string;

  @Field(() => String, { defaultValue: "", description: "The words, as `search` takes them." })
  query: string;

  @Field(() => SearchFilter, { nullable: true })
  filters?: SearchFilter | null;

  @Field(() => SavedSearchFrequency, { defaultValue: SavedSearchFrequency.WEEKLY })
  frequency: SavedSearchFrequency;
}

@InputType({ description: "A field left out stays as it is." })
export class UpdateSavedSearchInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: "The version you edited; a newer one in the database is a CONFLICT." })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => SearchFilter, { nullable: true })
  filters?: SearchFilter | null;

  @Field(() => SavedSearchFrequency, { nullable: true })
  frequency?: SavedSearchFrequency | null;
}

const MAX_QUERY_LENGTH = 500;
const values = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(100).nullish();
const text = z.string().trim().min(1).max(LIMITS.shortTextLength);

export const filtersSchema = z
  .object({
    types: values(z.string()),
    kinds: values(text),
    years: values(v.year),
    yearFrom: v.year.nullish(),
    yearTo: v.year.nullish(),
    departments: values(text),
    priorityAreaIds: values(v.uuid),
    statuses: values(text),
  })
  .strict();

const query = z.string().trim().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`);

export const saveSearchSchema = z.object({
  name: v.name,
  query,
  filters: filtersSchema.nullish(),
  frequency: z.nativeEnum(SavedSearchFrequency),
});

export const updateSavedSearchSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
  query: query.nullish(),
  filters: filtersSchema.nullish(),
  frequency: z.nativeEnum(SavedSearchFrequency).nullish(),
});
