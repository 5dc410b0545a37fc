import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import DataLoader from "dataloader";
import { Document, DateTime } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { attachDocumentText, documentTextInfo, fullTextSource } from "./document-text.service.js";

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

const loaders = new WeakMap<Context, DataLoader<string, DocumentFullText | null>>();

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
    const source = fullTextSource(format, content);
    return inTransaction(ctx, (manager) => attachDocumentText(manager, documentId, source));
  }

  @FieldResolver(() => DocumentFullText, { nullable: true })
  fullText(@Root() document: Document, @Ctx() ctx: Context) {
    let loader = loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) =>
        (await documentTextInfo(ctx.ds.manager, ids)).map((row) =>
          row ? { format: row.sourceFormat as FullTextFormatInput, pageCount: row.pageCount, charCount: row.charCount, updatedAt: row.updatedAt } : null,
        ),
      );
      loaders.set(ctx, loader);
    }
    return loader.load(document.id);
  }
}
