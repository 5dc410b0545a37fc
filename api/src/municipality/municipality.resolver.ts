import { Arg, Args, ArgsType, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from "type-graphql";
import { z } from "zod";
import { LocalDate, Municipality } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { assignDefined, loadForUpdate } from "../common/crud.js";
import { byColumn, byId, ConnectionType, paginate, PageArgs } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput, v } from "../common/validation.js";

export const MunicipalityConnection = ConnectionType(Municipality);

@InputType()
class MunicipalityInput {
  @Field(() => ID, { nullable: true, description: "Set to update an existing municipality." })
  id?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Län, e.g. "Värmlands län".' })
  county?: string | null;

  @Field(() => LocalDate, { nullable: true })
  memberSince?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ArgsType()
class MunicipalitiesArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  county?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

const county = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(1, "must not be empty").max(60).regex(/län$/u, 'must be a county such as "Värmlands län"'));

const createSchema = z.object({ name: v.name, county, memberSince: v.date.nullish(), active: z.boolean().nullish() });
const updateSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
  county: county.nullish(),
  memberSince: v.date.nullish(),
  active: z.boolean().nullish(),
});

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, { description: "Member municipalities, by name." })
  municipalities(@Args(() => MunicipalitiesArgs) args: MunicipalitiesArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    const q = ctx.ds.getRepository(Municipality).createQueryBuilder("m").where("m.archived_at IS NULL");
    if (args.county) q.andWhere("lower(m.county) = lower(:county)", { county: args.county });
    if (args.active !== undefined && args.active !== null) q.andWhere("m.active = :active", { active: args.active });
    return paginate(q, [byColumn("m", "name", "name"), byId("m")], args);
  }

  @Query(() => Municipality, { nullable: true })
  municipality(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    return ctx.loaders.municipality.load(id);
  }

  @Mutation(() => Municipality)
  createMunicipality(@Arg("input", () => MunicipalityInput) input: MunicipalityInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    const data = parseInput(createSchema, input);
    return inTransaction(ctx, (m) =>
      m.save(m.create(Municipality, { ...data, memberSince: data.memberSince ?? null, active: data.active ?? true, archivedAt: null })),
    );
  }

  @Mutation(() => Municipality)
  updateMunicipality(@Arg("input", () => MunicipalityInput) input: MunicipalityInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    const data = parseInput(updateSchema, input);
    return inTransaction(ctx, async (m) => {
      const row = await loadForUpdate(m, Municipality, "Municipality", data.id, data.expectedVersion);
      assignDefined(row, { name: data.name ?? undefined, county: data.county ?? undefined, memberSince: data.memberSince, active: data.active ?? undefined });
      return m.save(row);
    });
  }

  @Mutation(() => Municipality, { description: "Archives a municipality that has left; its input is kept." })
  archiveMunicipality(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, async (m) => {
      const row = await loadForUpdate(m, Municipality, "Municipality", id);
      row.archivedAt ??= new Date();
      row.active = false;
      return m.save(row);
    });
  }
}
