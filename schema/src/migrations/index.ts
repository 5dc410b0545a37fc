import { Initial1795450946952 } from "./1795450946952-Initial.js";
import { AddAuth1795451489346 } from "./1795451489346-AddAuth.js";
import { AddSearch1795451665148 } from "./1795451665148-AddSearch.js";
import { AddMemberInputSummary1795454041222 } from "./1795454041222-AddMemberInputSummary.js";
import { RefreshRemissOnDocumentChange1795454041300 } from "./1795454041300-RefreshRemissOnDocumentChange.js";
import { NumberSinglePagePdfs1795454041400 } from "./1795454041400-NumberSinglePagePdfs.js";
import { AddCaseInsensitiveDiarienummer1795454612287 } from "./1795454612287-AddCaseInsensitiveDiarienummer.js";
import { RefreshCopiedSearchFields1795454700000 } from "./1795454700000-RefreshCopiedSearchFields.js";
import { AddResponseDrafting1796093116559 } from "./1796093116559-AddResponseDrafting.js";
import { AddUserLastSignedIn1796102853228 } from "./1796102853228-AddUserLastSignedIn.js";
import { AddResponseEvents1796103000000 } from "./1796103000000-AddResponseEvents.js";
import { AddDocumentExternalId1796104403028 } from "./1796104403028-AddDocumentExternalId.js";
import { AddNotificationSettings1796113088934 } from "./1796113088934-AddNotificationSettings.js";
import { AddCalendarFeed1796113173231 } from "./1796113173231-AddCalendarFeed.js";
import { AddImportRuns1796113200000 } from "./1796113200000-AddImportRuns.js";
import { AddThesaurus1796200000000 } from "./1796200000000-AddThesaurus.js";
import { ReanalyseSearchTerms1796200000001 } from "./1796200000001-ReanalyseSearchTerms.js";
import { AddNotification1796113300000 } from "./1796113300000-AddNotification.js";
import { AddInputRequests1796120000000 } from "./1796120000000-AddInputRequests.js";
import { AddGoalComment1796113400000 } from "./1796113400000-AddGoalComment.js";
import { AddSavedSearchesAndFollows1796200000100 } from "./1796200000100-AddSavedSearchesAndFollows.js";
import { AddSearchObject1796300000000 } from "./1796300000000-AddSearchObject.js";

/** In the order they run. */
export const MIGRATIONS = [
  Initial1795450946952,
  AddAuth1795451489346,
  AddSearch1795451665148,
  AddMemberInputSummary1795454041222,
  RefreshRemissOnDocumentChange1795454041300,
  NumberSinglePagePdfs1795454041400,
  AddCaseInsensitiveDiarienummer1795454612287,
  RefreshCopiedSearchFields1795454700000,
  AddResponseDrafting1796093116559,
  AddUserLastSignedIn1796102853228,
  AddResponseEvents1796103000000,
  AddDocumentExternalId1796104403028,
  AddNotificationSettings1796113088934,
  AddCalendarFeed1796113173231,
  AddImportRuns1796113200000,
  AddNotification1796113300000,
  AddGoalComment1796113400000,
  AddInputRequests1796120000000,
  AddThesaurus1796200000000,
  ReanalyseSearchTerms1796200000001,
  AddSavedSearchesAndFollows1796200000100,
  AddSearchObject1796300000000,
];
