import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import { Document, Inquiry, Municipality, PriorityArea, Remiss, Role } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { closedForInput } from "../member-input/member-input.commands.js";
import { can } from "./policy.js";

@ObjectType({ description: "What the caller may do with a catalog item, from the server's policy." })
class CatalogAbilities {
  @Field(() => Boolean) canEdit: boolean;
  @Field(() => Boolean) canArchive: boolean;
}

@ObjectType({ description: "What the caller may do with a remiss or inquiry that takes member input and responses." })
class ConsultationAbilities extends CatalogAbilities {
  @Field(() => Boolean, { description: "Staff and board see the internal notes." }) canReadNotes: boolean;
  @Field(() => Boolean, { description: "Staff start a response or position." }) canCreateResponse: boolean;
  @Field(() => Boolean, { description: "A member may write input for their municipality now (before the member deadline)." })
  canWriteMemberInput: boolean;
}

function catalog(ctx: Context, row: { archivedAt: Date | null }): CatalogAbilities {
  const write = can(ctx.actor, "catalog", "write") && !row.archivedAt;
  return { canEdit: write, canArchive: write };
}

function writesInput(ctx: Context): boolean {
  const actor = ctx.actor;
  return !!actor && actor.role === Role.MEMBER && !!actor.municipalityId && can(actor, "memberInput", "create", { municipalityId: actor.municipalityId });
}

/** Inquiries and remisser: what staff and members may do with what is out for comment. */
function consultation(ctx: Context, row: Inquiry | Remiss): ConsultationAbilities {
  return {
    ...catalog(ctx, row),
    canReadNotes: can(ctx.actor, "catalog", "readNotes"),
    canCreateResponse: !row.archivedAt && can(ctx.actor, "response", "create"),
    canWriteMemberInput: closedForInput(row) === null && writesInput(ctx),
  };
}

/** `abilities` on catalog types, kept beside the policy so the web app never re-derives it. */
@Resolver(() => Document)
export class DocumentAbilitiesResolver {
  @FieldResolver(() => CatalogAbilities)
  abilities(@Root() row: Document, @Ctx() ctx: Context): CatalogAbilities {
    return catalog(ctx, row);
  }
}

@Resolver(() => Inquiry)
export class InquiryAbilitiesResolver {
  @FieldResolver(() => ConsultationAbilities)
  abilities(@Root() row: Inquiry, @Ctx() ctx: Context): ConsultationAbilities {
    return consultation(ctx, row);
  }
}

@Resolver(() => Remiss)
export class RemissAbilitiesResolver {
  @FieldResolver(() => ConsultationAbilities)
  abilities(@Root() row: Remiss, @Ctx() ctx: Context): ConsultationAbilities {
    return consultation(ctx, row);
  }
}

@Resolver(() => Municipality)
export class MunicipalityAbilitiesResolver {
  @FieldResolver(() => CatalogAbilities)
  abilities(@Root() row: Municipality, @Ctx() ctx: Context): CatalogAbilities {
    return catalog(ctx, row);
  }
}

@Resolver(() => PriorityArea)
export class PriorityAreaAbilitiesResolver {
  @FieldResolver(() => CatalogAbilities)
  abilities(@Root() row: PriorityArea, @Ctx() ctx: Context): CatalogAbilities {
    return catalog(ctx, row);
  }
}

export const ABILITY_RESOLVERS = [
  DocumentAbilitiesResolver, InquiryAbilitiesResolver, RemissAbilitiesResolver, MunicipalityAbilitiesResolver, PriorityAreaAbilitiesResolver,
] as const;
