import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Document, Inquiry, PriorityArea, Remiss } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { badInput } from "../common/errors.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateDocumentInput, DocumentsArgs, UpdateDocumentInput } from "./document.inputs.js";
import {
  archiveDocument, createDocument, findDocumentByDesignation, listDocuments, updateDocument,
} from "./document.service.js";

export const DocumentConnection = ConnectionType(Document);

@Resolver(() => Document)
export class DocumentResolver {
  // Documents are public records: no sign-in needed to read them (decision 003).
  @Query(() => DocumentConnection, { description: "Documents, newest first." })
  documents(@Args(() => DocumentsArgs) args: DocumentsArgs, @Ctx() ctx: Context) {
    return listDocuments(ctx.ds, args.filter, args);
  }

  @Query(() => Document, {
    nullable: true,
    description: 'A document by id, or by any accepted form of its designation ("sou 2020 8").',
  })
  async document(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string,
    @Arg("designation", () => String, { nullable: true }) designation?: string,
  ) {
    if ((id ? 1 : 0) + (designation ? 1 : 0) !== 1) throw badInput("Give either id or designation.");
    if (id) return ctx.loaders.document.load(id);
    return findDocumentByDesignation(ctx.ds, designation!);
  }

  @Mutation(() => Document)
  createDocument(@Arg("input", () => CreateDocumentInput) input: CreateDocumentInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => createDocument(m, input));
  }

  @Mutation(() => Document)
  updateDocument(@Arg("input", () => UpdateDocumentInput) input: UpdateDocumentInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => updateDocument(m, input));
  }

  @Mutation(() => Document)
  archiveDocument(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => archiveDocument(m, id, expectedVersion));
  }

  @FieldResolver(() => Inquiry, { nullable: true })
  inquiry(@Root() document: Document, @Ctx() ctx: Context) {
    return document.inquiryId ? ctx.loaders.inquiry.load(document.inquiryId) : null;
  }

  @FieldResolver(() => [PriorityArea], { description: "SmåKom's priority areas it touches; empty unless signed in." })
  priorityAreas(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.priorityAreasByDocument.load(document.id) : [];
  }

  @FieldResolver(() => [Remiss], { description: "Remisser on this document; empty unless signed in." })
  remisser(@Root() document: Document, @Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.remisserByDocument.load(document.id) : [];
  }
}

