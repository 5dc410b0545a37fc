import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import {
  DateTime, Document, Inquiry, PriorityArea, Remiss, Response, ResponseEvent, ResponseEventKind, ResponseStatus, ResponseVersion, Role, User,
} from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can, canTakeStep, type ResponseStep } from "../auth/policy.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateResponseInput, ResponsesArgs, SaveResponseVersionInput, SetResponsePriorityAreasInput } from "./response.inputs.js";
import {
  approvalRequester, draftReturner, priorityAreaTagger, responseApprover, responseArchiver, responseCreator, responseVersionSaver, submissionRecorder,
} from "./response.commands.js";
import { listResponses } from "./response.service.js";

export const ResponseConnection = ConnectionType(Response);

@ObjectType({ description: "What the caller may do with a response, from the server's policy." })
class ResponseAbilities {
  @Field(() => Boolean) canEdit: boolean;
  @Field(() => Boolean, { description: "May change its priority areas (setResponsePriorityAreas); also after approval and submission." })
  canTag: boolean;
  @Field(() => Boolean) canRequestApproval: boolean;
  @Field(() => Boolean) canReturnToDraft: boolean;
  @Field(() => Boolean) canApprove: boolean;
  @Field(() => Boolean) canMarkSubmitted: boolean;
  @Field(() => Boolean) canArchive: boolean;
  @Field(() => Boolean) canReadVersions: boolean;
}

@Resolver(() => Response)
export class ResponseResolver {
  @Query(() => ResponseConnection, { description: "Responses and positions you may read, newest first." })
  responses(@Args(() => ResponsesArgs) args: ResponsesArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    return listResponses(ctx.ds, ctx.actor, args.filter, args);
  }

  @Query(() => Response, { nullable: true })
  async response(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    const response = await ctx.loaders.response.load(id);
    // A response the caller may not read is reported as missing, so drafts do not leak.
    return response && can(ctx.actor, "response", "read", response) ? response : null;
  }

  @Mutation(() => Response, { description: "Starts a draft remissvar or position; writes version 1." })
  createResponse(@Arg("input", () => CreateResponseInput) input: CreateResponseInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "create");
    return inTransaction(ctx, (m) => responseCreator(m, ctx.actor!, input));
  }

  @Mutation(() => Response, { description: "Saves an edit as a new version; CONFLICT if someone saved since baseVersion." })
  async saveResponseVersion(@Arg("input", () => SaveResponseVersionInput) input: SaveResponseVersionInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "edit");
    return inTransaction(ctx, (m) => responseVersionSaver(m, ctx.actor!, input));
  }

  @Mutation(() => Response, {
    description: "Replaces the priority areas a response touches, in any status but archived; no new version of the text. CONFLICT if expectedVersion is stale.",
  })
  setResponsePriorityAreas(@Arg("input", () => SetResponsePriorityAreasInput) input: SetResponsePriorityAreasInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "tag");
    return inTransaction(ctx, (m) => priorityAreaTagger(m, input));
  }

  @Mutation(() => Response, { description: "Sends a draft to the board for approval." })
  requestResponseApproval(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "requestApproval");
    return inTransaction(ctx, (m) => approvalRequester(m, ctx.actor!, id));
  }

  @Mutation(() => Response, { description: "Returns a response awaiting approval (or approved) to draft, optionally saying why." })
  returnResponseToDraft(
    @Arg("id", () => ID) id: string,
    @Arg("comment", () => String, { nullable: true, description: "Why, e.g. what the board wants changed." }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "response", "returnToDraft");
    return inTransaction(ctx, (m) => draftReturner(m, ctx.actor!, id, comment));
  }

  @Mutation(() => Response, { description: "The board approves the given version, which must be the latest." })
  approveResponse(@Arg("id", () => ID) id: string, @Arg("version", () => Int) version: number, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "approve");
    return inTransaction(ctx, (m) => responseApprover(m, ctx.actor!, id, version));
  }

  @Mutation(() => Response, { description: "Records that the approved response was sent to the ministry." })
  markResponseSubmitted(
    @Arg("id", () => ID) id: string,
    @Arg("submittedAt", () => DateTime, { nullable: true }) submittedAt: Date | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "response", "markSubmitted");
    return inTransaction(ctx, (m) => submissionRecorder(m, ctx.actor!, id, submittedAt));
  }

  @Mutation(() => Response)
  archiveResponse(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "response", "archive");
    return inTransaction(ctx, (m) => responseArchiver(m, id));
  }

  @FieldResolver(() => Remiss, { nullable: true })
  remiss(@Root() response: Response, @Ctx() ctx: Context) {
    return response.remissId ? ctx.loaders.remiss.load(response.remissId) : null;
  }

  @FieldResolver(() => Inquiry, { nullable: true })
  inquiry(@Root() response: Response, @Ctx() ctx: Context) {
    return response.inquiryId ? ctx.loaders.inquiry.load(response.inquiryId) : null;
  }

  @FieldResolver(() => [PriorityArea])
  priorityAreas(@Root() response: Response, @Ctx() ctx: Context) {
    return ctx.loaders.priorityAreasByResponse.load(response.id);
  }

  @FieldResolver(() => [Document])
  documents(@Root() response: Response, @Ctx() ctx: Context) {
    return ctx.loaders.documentsByResponse.load(response.id);
  }

  @FieldResolver(() => User, { nullable: true })
  approvedBy(@Root() response: Response, @Ctx() ctx: Context) {
    return response.approvedById ? ctx.loaders.visibleUser.load(response.approvedById) : null;
  }

  @FieldResolver(() => [ResponseVersion], { description: "Every saved version, oldest first; staff and board only." })
  versions(@Root() response: Response, @Ctx() ctx: Context) {
    return can(ctx.actor, "response", "readVersions") ? ctx.loaders.versionsByResponse.load(response.id) : [];
  }

  @FieldResolver(() => [ResponseEvent], { description: "The workflow's steps, oldest first; staff and board only." })
  events(@Root() response: Response, @Ctx() ctx: Context) {
    return can(ctx.actor, "response", "readVersions") ? ctx.loaders.eventsByResponse.load(response.id) : [];
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "The version the board last decided on (approved, or returned to draft); null if it never has. Staff and board only.",
  })
  async boardReviewedVersion(@Root() response: Response, @Ctx() ctx: Context): Promise<number | null> {
    if (!can(ctx.actor, "response", "readVersions")) return null;
    const events = await ctx.loaders.eventsByResponse.load(response.id);
    for (const event of [...events].reverse()) {
      if (event.kind === ResponseEventKind.APPROVED) return event.version;
      // Staff taking a response back is not a decision; only a board member's return is.
      if (event.kind === ResponseEventKind.RETURNED_TO_DRAFT && event.actorId) {
        const actor = await ctx.loaders.user.load(event.actorId);
        if (actor?.role === Role.BOARD) return event.version;
      }
    }
    return null;
  }

  @FieldResolver(() => ResponseAbilities)
  abilities(@Root() response: Response, @Ctx() ctx: Context): ResponseAbilities {
    const may = (step: ResponseStep) => canTakeStep(ctx.actor, step, response);
    return {
      canEdit: may("edit"),
      canTag: may("tag"),
      canRequestApproval: may("requestApproval"),
      canReturnToDraft: may("returnToDraft"),
      canApprove: may("approve"),
      canMarkSubmitted: may("markSubmitted"),
      canArchive: may("archive"),
      canReadVersions: can(ctx.actor, "response", "readVersions"),
    };
  }
}

@Resolver(() => ResponseVersion)
export class ResponseVersionResolver {
  @FieldResolver(() => User, { nullable: true })
  author(@Root() version: ResponseVersion, @Ctx() ctx: Context) {
    return version.authorId ? ctx.loaders.visibleUser.load(version.authorId) : null;
  }
}


@Resolver(() => ResponseEvent)
export class ResponseEventResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() event: ResponseEvent, @Ctx() ctx: Context) {
    return event.actorId ? ctx.loaders.visibleUser.load(event.actorId) : null;
  }
}
