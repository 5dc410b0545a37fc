import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Resolver, Root } from "type-graphql";
import { Document } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { badInput } from "../common/errors.js";
import { parseOutline, type Outline } from "./document-outline.js";
import { insideList } from "./document-text.resolver.js";

/** The longest section text one request may ask for; the whole report is read page by page instead. */
export const MAX_SECTION_TEXT = 20_000;

@ObjectType({ description: 'A numbered heading of a document\'s full text, e.g. "5.3 Kommunala VA-bolag".' })
export class DocumentHeading {
  @Field(() => String, { description: 'E.g. "5.3".' })
  number: string;

  @Field(() => String, { description: 'E.g. "Kommunala VA-bolag".' })
  title: string;

  @Field(() => Int, { description: "The page it stands on, from 1." })
  page: number;

  @Field(() => Int, { description: '1 for "5", 2 for "5.3", …' })
  level: number;
}

@ObjectType({ description: "A numbered section of a document's full text: its heading and the beginning of its text." })
export class DocumentSection extends DocumentHeading {
  @Field(() => String, { description: "The text under the heading, up to the next heading of the same or a higher level, cut at maxLength." })
  text: string;
}

/** Most sections one request asks for: a response answers far fewer of a report's sections. */
export const MAX_SECTIONS = 200;

/**
 * One parse per document and request: `headings` and several `sectionText` fields of the
 * same document read the text once. Nothing outlives the request, so a new text shows at once.
 */
const outlines = new WeakMap<Context["loaders"], Map<string, Promise<Outline | null>>>();

function outlineOf(ctx: Context, documentId: string): Promise<Outline | null> {
  let perRequest = outlines.get(ctx.loaders);
  if (!perRequest) outlines.set(ctx.loaders, (perRequest = new Map()));
  let outline = perRequest.get(documentId);
  if (!outline) {
    outline = ctx.ds
      .query("SELECT content FROM document_text WHERE document_id = $1", [documentId])
      .then((rows: { content: string }[]) => (rows[0] ? parseOutline(rows[0].content) : null));
    perRequest.set(documentId, outline);
  }
  return outline;
}

function oneDocument(info: GraphQLResolveInfo, field: string) {
  // The whole text is read to find its headings: one document per request, never a list's worth.
  if (insideList(info.path)) throw badInput(`${field} can be read for one document at a time, not in a list.`, [{ field, message: "not in a list" }]);
}

function checkMaxLength(maxLength: number) {
  if (maxLength < 1 || maxLength > MAX_SECTION_TEXT) {
    throw badInput(`maxLength must be 1 to ${MAX_SECTION_TEXT}.`, [{ field: "maxLength", message: `1 to ${MAX_SECTION_TEXT}` }]);
  }
}

// As public as the document's text (decision 003): the headings are part of it.
@Resolver(() => Document)
export class DocumentOutlineResolver {
  @FieldResolver(() => [DocumentHeading], {
    description: "The numbered headings of the full text in order, the table of contents left out; empty without text.",
  })
  async headings(@Root() document: Document, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<DocumentHeading[]> {
    oneDocument(info, "headings");
    return (await outlineOf(ctx, document.id))?.headings ?? [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The text under the numbered heading, up to the next heading of the same or a higher level, cut at `maxLength`; null without that heading.",
  })
  async sectionText(
    @Root() document: Document,
    @Arg("number", () => String) number: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("maxLength", () => Int, { defaultValue: 2_000 }) maxLength: number,
  ): Promise<string | null> {
    oneDocument(info, "sectionText");
    checkMaxLength(maxLength);
    return (await outlineOf(ctx, document.id))?.sectionText(number.trim(), maxLength) ?? null;
  }

  @FieldResolver(() => [DocumentSection], {
    description: "The sections with these numbers, in the text's order, each with the beginning of its text; numbers the text lacks are left out.",
  })
  async sections(
    @Root() document: Document,
    @Arg("numbers", () => [String]) numbers: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("maxLength", () => Int, { defaultValue: 2_000 }) maxLength: number,
  ): Promise<DocumentSection[]> {
    oneDocument(info, "sections");
    checkMaxLength(maxLength);
    if (numbers.length > MAX_SECTIONS) throw badInput(`At most ${MAX_SECTIONS} numbers.`, [{ field: "numbers", message: "too many" }]);
    const outline = await outlineOf(ctx, document.id);
    if (!outline) return [];
    const wanted = new Set(numbers.map((n) => n.trim()));
    return outline.headings
      .filter((h) => wanted.has(h.number))
      .map((h) => ({ ...h, text: outline.sectionText(h.number, maxLength) ?? "" }));
  }
}
