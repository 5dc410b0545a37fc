import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import { Document, DateTime } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { badInput } from "../common/errors.js";
import { documentTextPages, extractDocumentText, fullTextSource, storeDocumentText } from "./document-text.service.js";

/** Most pages one request reads: a reader pages through an 800-page report, never takes it whole. */
export const MAX_TEXT_PAGES = 50;

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

@ObjectType({ description: "One page of a document's full text." })
export class DocumentTextPage {
  @Field(() => Int, { description: "From 1; a text without page breaks is one page." })
  number: number;

  @Field(() => String, { nullable: true, description: 'The section the page begins in, e.g. "3.2 Strandskydd", as search labels its passages.' })
  section: string | null;

  @Field(() => String, { description: "Plain text; paragraphs are separated by blank lines." })
  text: string;
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

  // As public as the document itself: the text of a public record (decision 003).
  @FieldResolver(() => [DocumentTextPage], {
    description: `Pages of the full text, from page \`from\` (1 is the first), at most ${MAX_TEXT_PAGES}; empty past the end or without text.`,
  })
  textPages(
    @Root() document: Document,
    @Arg("from", () => Int, { defaultValue: 1 }) from: number,
    @Arg("count", () => Int, { defaultValue: 20 }) count: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DocumentTextPage[]> {
    // Each call reads up to megabytes of text: one document per request, never a list's worth.
    if (insideList(info.path)) throw badInput("textPages can be read for one document at a time, not in a list.", [{ field: "textPages", message: "not in a list" }]);
    if (from < 1) throw badInput("from must be 1 or more.", [{ field: "from", message: "at least 1" }]);
    if (count < 1 || count > MAX_TEXT_PAGES) throw badInput(`count must be 1 to ${MAX_TEXT_PAGES}.`, [{ field: "count", message: `1 to ${MAX_TEXT_PAGES}` }]);
    return documentTextPages(ctx.ds.manager, document.id, from, count);
  }

  @FieldResolver(() => DocumentFullText, { nullable: true })
  async fullText(@Root() document: Document, @Ctx() ctx: Context): Promise<DocumentFullText | null> {
    const row = await ctx.loaders.documentTextInfo.load(document.id);
    return row ? { format: row.sourceFormat as FullTextFormatInput, pageCount: row.pageCount, charCount: row.charCount, updatedAt: row.updatedAt } : null;
  }
}

export function insideList(path: GraphQLResolveInfo["path"] | undefined): boolean {
  for (let p = path?.prev; p; p = p.prev) if (typeof p.key === "number") return true;
  return false;
}
