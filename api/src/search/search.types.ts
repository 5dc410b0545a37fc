import { createUnionType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Document, DocumentKind, Inquiry, MemberInput, Remiss, Response } from "@remissbanken/schema";
import { PageInfo } from "../common/pagination.js";

export enum SearchHitType {
  DOCUMENT = "document",
  INQUIRY = "inquiry",
  REMISS = "remiss",
  RESPONSE = "response",
  MEMBER_INPUT = "member_input",
}
registerEnumType(SearchHitType, { name: "SearchHitType", description: "What kind of object a search hit is." });

export const SearchNode = createUnionType({
  name: "SearchNode",
  types: () => [Document, Inquiry, Remiss, Response, MemberInput] as const,
  resolveType: (value) => {
    if (value instanceof Document) return Document;
    if (value instanceof Inquiry) return Inquiry;
    if (value instanceof Remiss) return Remiss;
    if (value instanceof Response) return Response;
    return MemberInput;
  },
});

@InputType({ description: "Narrows a search; every value is matched as data, never as filter syntax." })
@ObjectType("SavedSearchFilter", { description: "The filters a saved search runs with, as `search` takes them." })
export class SearchFilter {
  @Field(() => [SearchHitType], { nullable: true })
  types?: SearchHitType[] | null;

  @Field(() => [String], { nullable: true, description: "Document kinds (e.g. sou, directive) or response kinds (response, position)." })
  kinds?: string[] | null;

  @Field(() => [Int], { nullable: true })
  years?: number[] | null;

  @Field(() => Int, { nullable: true })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  yearTo?: number | null;

  @Field(() => [String], { nullable: true })
  departments?: string[] | null;

  @Field(() => [ID], { nullable: true })
  priorityAreaIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Statuses of inquiries, remisser, responses or member input." })
  statuses?: string[] | null;
}

// simpleResolvers: the search answer's fields are plain properties, read by GraphQL's default
// resolver instead of a per-field wrapper of type-graphql's (an answer has some 600 fields).
@ObjectType({ description: "Where in its object a passage is.", simpleResolvers: true })
export class SearchPassageLocation {
  @Field(() => Int, { description: "0 is the object's title and summary; 1… its text, in order." })
  ordinal: number;

  @Field(() => Int, { nullable: true, description: "Page of the document, when its text has pages." })
  page: number | null;

  @Field(() => String, { nullable: true, description: "The section heading, e.g. \"3.2 Strandskydd\"." })
  section: string | null;
}

@ObjectType({ simpleResolvers: true })
export class SearchHit {
  @Field(() => SearchHitType)
  type: SearchHitType;

  @Field(() => ID, { description: "The id of the object (document, inquiry, …)." })
  id: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: "The best matching passage, HTML-escaped, with matches in <mark>…</mark>." })
  snippet: string;

  @Field(() => SearchPassageLocation)
  passage: SearchPassageLocation;

  @Field(() => Float, { nullable: true, description: "Relevance; comparable only within one answer." })
  score: number | null;

  @Field(() => Boolean, { description: "First because the query named this document's designation." })
  pinned: boolean;

  @Field(() => SearchNode, { description: "The object itself." })
  node: Document | Inquiry | Remiss | Response | MemberInput;
}

@ObjectType({ simpleResolvers: true })
export class FacetCount {
  @Field(() => String)
  value: string;

  @Field(() => String, { description: "Swedish label for people." })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "Counts over everything the search matched that the caller may see.", simpleResolvers: true })
export class SearchFacets {
  @Field(() => [FacetCount])
  types: FacetCount[];

  @Field(() => [FacetCount])
  kinds: FacetCount[];

  @Field(() => [FacetCount])
  years: FacetCount[];

  @Field(() => [FacetCount])
  departments: FacetCount[];

  @Field(() => [FacetCount], { description: "Values are priority area ids." })
  priorityAreas: FacetCount[];

  @Field(() => [FacetCount])
  statuses: FacetCount[];
}

@ObjectType({ simpleResolvers: true })
export class SearchResult {
  @Field(() => [SearchHit], { description: "One hit per object, best first." })
  hits: SearchHit[];

  @Field(() => Int)
  totalHits: number;

  @Field(() => SearchFacets)
  facets: SearchFacets;

  @Field(() => Boolean, { description: "True when Meilisearch was unreachable and PostgreSQL answered (no decompounding, no typo tolerance)." })
  degraded: boolean;

  @Field(() => String, { nullable: true, description: "The designation the query named, normalized, e.g. \"SOU 2020:8\"." })
  designation: string | null;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ simpleResolvers: true })
export class PassageSearchResult {
  @Field(() => [SearchHit], { description: "Matching passages of the one object, best first." })
  hits: SearchHit[];

  @Field(() => Int)
  totalHits: number;

  @Field(() => Boolean)
  degraded: boolean;

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

export { DocumentKind };
