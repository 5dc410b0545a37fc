export * from "./base.js";
export * from "./municipality.entity.js";
export * from "./user.entity.js";
export * from "./priority-area.entity.js";
export * from "./inquiry.entity.js";
export * from "./document.entity.js";
export * from "./remiss.entity.js";
export * from "./response.entity.js";
export * from "./member-input.entity.js";
export * from "./input-request.entity.js";
export * from "./api-token.entity.js";
export * from "./change-event.entity.js";
export * from "./search.entity.js";
export * from "./auth.entity.js";
export * from "./audit.entity.js";
export * from "./notification-setting.entity.js";
export * from "./import-run.entity.js";
export * from "./synonym-group.entity.js";
export * from "./notification.entity.js";
export * from "./calendar-feed.entity.js";
export * from "./watch.entity.js";

import { Municipality } from "./municipality.entity.js";
import { User } from "./user.entity.js";
import { Goal, PriorityArea } from "./priority-area.entity.js";
import { Inquiry } from "./inquiry.entity.js";
import { Document, DocumentText } from "./document.entity.js";
import { Remiss } from "./remiss.entity.js";
import { Response, ResponseEvent, ResponseVersion } from "./response.entity.js";
import { MemberInput } from "./member-input.entity.js";
import { InputRequest } from "./input-request.entity.js";
import { ApiToken } from "./api-token.entity.js";
import { ChangeEvent } from "./change-event.entity.js";
import { SearchIndexState } from "./search.entity.js";
import { OneTimeToken, Session, SignInAttempt } from "./auth.entity.js";
import { AuditLog } from "./audit.entity.js";
import { NotificationSetting, UserPriorityArea } from "./notification-setting.entity.js";
import { ImportRun, RemissPublishedResponse } from "./import-run.entity.js";
import { SynonymGroup } from "./synonym-group.entity.js";
import { Notification } from "./notification.entity.js";
import { CalendarFeed } from "./calendar-feed.entity.js";
import { InquiryFollow, SavedSearch } from "./watch.entity.js";

export const ENTITIES = [
  Municipality, User, PriorityArea, Goal, Inquiry, Document, DocumentText, Remiss,
  Response, ResponseVersion, ResponseEvent, MemberInput, ApiToken, ChangeEvent, SearchIndexState,
  Session, OneTimeToken, SignInAttempt, AuditLog, NotificationSetting, UserPriorityArea, ImportRun, RemissPublishedResponse,
  SynonymGroup,
  Notification,
  CalendarFeed,
  InputRequest,
  SavedSearch, InquiryFollow,
];
