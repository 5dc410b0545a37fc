import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { DocumentResolver } from "./document/document.resolver.js";
import { InquiryResolver } from "./inquiry/inquiry.resolver.js";
import { RemissResolver } from "./remiss/remiss.resolver.js";
import { ResponseEventResolver, ResponseResolver, ResponseVersionResolver } from "./response/response.resolver.js";
import { MemberInputResolver } from "./member-input/member-input.resolver.js";
import { MunicipalityResolver } from "./municipality/municipality.resolver.js";
import { PriorityAreaResolver } from "./priority-area/priority-area.resolver.js";
import { GoalResolver } from "./priority-area/goal.resolver.js";
import { PriorityReportResolver } from "./priority-area/priority-report.resolver.js";
import { UserResolver } from "./user/user.resolver.js";
import { DeadlineResolver } from "./deadline/deadline.resolver.js";
import { AuthResolver } from "./auth/auth.resolver.js";
import { ABILITY_RESOLVERS } from "./auth/abilities.resolver.js";
import { AuditLogResolver } from "./audit/audit.resolver.js";
import { SearchResolver } from "./search/search.resolver.js";
import { SearchStatusResolver } from "./search/search-status.resolver.js";
import { DocumentTextResolver } from "./document/document-text.resolver.js";
import { DocumentOutlineResolver } from "./document/document-outline.resolver.js";
import { ImportResolver, ImportRunResolver, RemissPublishedResponseResolver } from "./import/import.resolver.js";
import { NotificationSettingsResolver } from "./notify/notification-settings.resolver.js";
import { ThesaurusResolver } from "./thesaurus/thesaurus.resolver.js";
import { CalendarFeedResolver } from "./calendar/calendar-feed.resolver.js";
import { InputRequestResolver, RemissInputRequestResolver } from "./input-request/input-request.resolver.js";
import { SavedSearchResolver } from "./saved-search/saved-search.resolver.js";
import { FollowResolver, InquiryFollowedResolver } from "./follow/follow.resolver.js";

export const RESOLVERS = [
  DocumentResolver,
  InquiryResolver,
  RemissResolver,
  ResponseResolver,
  ResponseVersionResolver,
  ResponseEventResolver,
  MemberInputResolver,
  MunicipalityResolver,
  PriorityAreaResolver,
  GoalResolver,
  PriorityReportResolver,
  UserResolver,
  DeadlineResolver,
  AuthResolver,
  AuditLogResolver,
  SearchResolver,
  SearchStatusResolver,
  DocumentTextResolver,
  DocumentOutlineResolver,
  ImportResolver,
  NotificationSettingsResolver,
  ImportRunResolver,
  RemissPublishedResponseResolver,
  ThesaurusResolver,
  CalendarFeedResolver,
  InputRequestResolver,
  RemissInputRequestResolver,
  SavedSearchResolver,
  FollowResolver,
  InquiryFollowedResolver,
  ...ABILITY_RESOLVERS,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the GraphQL schema once per process from the resolver classes. */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({ resolvers: [...RESOLVERS], validate: false });
  return cached;
}
