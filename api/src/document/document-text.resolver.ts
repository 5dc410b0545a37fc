import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import { Document, DateTime } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { extractDocumentText, fullTextSource, storeDocumentText } from "./document-text.service.js";

export enum FullTextFormatInput {
  TEXT = "text",
  HTML = "html",
  PDF = "pdf",
}
registerEnumType(FullTextFormatInput, { name: "FullTextFormat", description: "How a full text is sent: plain text (pages separated by form feeds), HTML, or PDF as base64." });

@ObjectType({ description: "About a document's full text; the text itself is searched, not sent." })
export class DocumentFullText {
  @Field(() => FullTextFormatInput)
  format: FullTextFormatInput;

  @Field(() => Int)
  pageCount: number;

  @Field(() => Int)
  charCount: number;

  @Field(() => DateTime)
  updatedAt: Date;
}

@Resolver(() => Document)
export class DocumentTextResolver {
  @Mutation(() => Document, {
    description: "Attaches a document's full text (replacing any earlier one); search finds it passage by passage shortly after. Staff only.",
  })
  async attachDocumentText(
    @Arg("documentId", () => ID) documentId: string,
    @Arg("format", () => FullTextFormatInput) format: FullTextFormatInput,
    @Arg("content", () => String, { description: "The text, the HTML, or the PDF in base64." }) content: string,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "catalog", "write");
    // Extract first, then lock the document only for the write.
    const text = await extractDocumentText(fullTextSource(format, content));
    return inTransaction(ctx, (manager) => storeDocumentText(manager, documentId, text));
  }

  @FieldResolver(() => DocumentFullText, { nullable: true })
  async fullText(@Root() document: Document, @Ctx() ctx: Context): Promise<DocumentFullText | null> {
    const row = await ctx.loaders.documentTextInfo.load(document.id);
    return row ? { format: row.sourceFormat as FullTextFormatInput, pageCount: row.pageCount, charCount: row.charCount, updatedAt: row.updatedAt } : null;
  }
}
