import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { Role } from "@remissbanken/schema";
import { PageArgs } from "../common/pagination.js";
import { v } from "../common/validation.js";

@InputType()
export class CreateUserInput {
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: "Required for members, forbidden for others." })
  municipalityId?: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
}

export const createUserSchema = z.object({ name: v.name, email: v.email, role: z.nativeEnum(Role), municipalityId: v.uuid.nullish() });
export const updateUserSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
  email: v.email.nullish(),
  role: z.nativeEnum(Role).nullish(),
  municipalityId: v.uuid.nullish(),
  active: z.boolean().nullish(),
});
export const apiTokenSchema = z.object({ name: v.shortText, expiresInDays: z.number().int().min(1).max(366) });
