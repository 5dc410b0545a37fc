import type { EntityManager } from "typeorm";
import { Inquiry, InquiryFollow, Remiss, RemissStatus, SWEDISH_LABELS, type Document } from "@remissbanken/schema";
import { can, isStaffOrBoard, type Actor } from "../auth/policy.js";
import { addDays, stockholmDate } from "../common/dates.js";
import { swedishDate } from "../notify/mail-text.js";

/** One all-day event of a calendar feed. */
export interface CalendarEvent {
  /** Stable across requests and date changes, so a calendar updates the event instead of adding one. */
  uid: string;
  /** The day, "YYYY-MM-DD" (Stockholm). */
  date: string;
  summary: string;
  description: string;
  url: string;
  /** Grows whenever the event's source changes, so calendars take the new version. */
  sequence: number;
  lastModified: Date;
}

export interface CalendarScope {
  /** Where people open the product; links back point here. */
  publicUrl: string;
  /** Events before this day are left out: a feed of every deadline since 2011 helps nobody. */
  from: string;
}

/** Events of one kind that this person may read. */
export type CalendarSource = (manager: EntityManager, actor: Actor, scope: CalendarScope) => Promise<CalendarEvent[]>;

/** How far back a feed reaches. */
export const FEED_HISTORY_DAYS = 365;

export function calendarScope(publicUrl: string, today = stockholmDate()): CalendarScope {
  return { publicUrl, from: addDays(today, -FEED_HISTORY_DAYS) };
}


/** "Spara i goda tider (Fi2011/4105)": the report's title and the remiss's diarienummer, or the report's designation. */
function remissName(remiss: Remiss, document: Document): string {
  const reference = remiss.diarienummer ?? document.designation;
  return reference ? `${document.title} (${reference})` : document.title;
}

function remissEvents(remiss: Remiss, scope: CalendarScope): CalendarEvent[] {
  const document = remiss.document!;
  const name = remissName(remiss, document);
  const url = `${scope.publicUrl}/remisser/${remiss.id}`;
  const about = [
    `Remiss från ${remiss.ministry}${document.designation ? ` om ${document.designation}` : ""}: ${document.title}`,
    `SmåKom: ${SWEDISH_LABELS.remissStatus[remiss.status]}`,
  ];
  // Both rows' versions only grow, so their sum does too: a moved date or a renamed report is a new version.
  const version = { sequence: remiss.version + document.version, lastModified: new Date(Math.max(remiss.updatedAt.getTime(), document.updatedAt.getTime())) };
  const events: CalendarEvent[] = [];
  if (remiss.deadline >= scope.from) {
    events.push({
      uid: `remiss-${remiss.id}-deadline@remissbanken`,
      date: remiss.deadline,
      summary: `Sista svarsdag: ${name}`,
      description: [...about, "", `Öppna remissen i Remissbanken: ${url}`].join("\n"),
      url,
      ...version,
    });
  }
  // When SmåKom declines to answer, no member input is gathered: the internal deadline means nothing.
  if (remiss.memberInputDeadline && remiss.memberInputDeadline >= scope.from && remiss.status !== RemissStatus.DECLINED) {
    events.push({
      uid: `remiss-${remiss.id}-member-input@remissbanken`,
      date: remiss.memberInputDeadline,
      summary: `Sista dag för synpunkter: ${name}`,
      description: [
        ...about,
        `Sista svarsdag till departementet: ${swedishDate(remiss.deadline)}`,
        "",
        `Lämna synpunkter och läs remissen i Remissbanken: ${url}`,
      ].join("\n"),
      url,
      ...version,
    });
  }
  return events;
}

/**
 * The ministry's deadlines and SmåKom's member-input deadlines of the remisser being tracked
 * (not archived). Remisser are catalog records every signed-in person reads; members are asked
 * for input on every remiss, so their municipality's deadlines are these same member-input
 * deadlines. Only public fields of the remiss and its report go into an event: never notes,
 * responses or anyone's input. A remiss SmåKom declined is left out of staff's and the board's
 * feeds, as they will not answer it; members' feeds keep its deadline, which still stands for
 * a municipality that answers on its own.
 */
export const remissDeadlines: CalendarSource = async (manager, actor, scope) => {
  if (!can(actor, "catalog", "read")) return [];
  const remisser = manager
    .getRepository(Remiss)
    .createQueryBuilder("r")
    .innerJoinAndSelect("r.document", "d")
    .where("r.archived_at IS NULL")
    .andWhere("(r.deadline >= :from OR r.member_input_deadline >= :from)", { from: scope.from });
  if (isStaffOrBoard(actor)) remisser.andWhere("r.status <> :declined", { declined: RemissStatus.DECLINED });
  return (await remisser.getMany()).flatMap((remiss) => remissEvents(remiss, scope));
};

/**
 * The event of an inquiry's report due date (redovisas senast), for a source of followed
 * inquiries: the follows feature queries the inquiries a person follows and maps them with this.
 */
export function inquiryReportDueEvent(inquiry: Inquiry & { reportDueDate: string }, scope: CalendarScope): CalendarEvent {
  const url = `${scope.publicUrl}/utredningar/${inquiry.id}`;
  const name = inquiry.committeeDesignation ? `${inquiry.name} (${inquiry.committeeDesignation})` : inquiry.name;
  return {
    uid: `inquiry-${inquiry.id}-report-due@remissbanken`,
    date: inquiry.reportDueDate,
    summary: `Utredningen redovisas: ${name}`,
    description: [`${inquiry.name} ska redovisas senast denna dag.`, "", `Öppna utredningen i Remissbanken: ${url}`].join("\n"),
    url,
    sequence: inquiry.version,
    lastModified: inquiry.updatedAt,
  };
}

/** The report due dates (redovisas senast) of the inquiries this person follows, while not archived. */
export const followedInquiryReportDates: CalendarSource = async (manager, actor, scope) => {
  if (!can(actor, "catalog", "read")) return [];
  const inquiries = await manager
    .getRepository(Inquiry)
    .createQueryBuilder("i")
    .innerJoin(InquiryFollow, "f", "f.inquiry_id = i.id AND f.user_id = :userId", { userId: actor.id })
    .where("i.archived_at IS NULL AND i.report_due_date >= :from", { from: scope.from })
    .getMany();
  return inquiries.map((inquiry) => inquiryReportDueEvent(inquiry as Inquiry & { reportDueDate: string }, scope));
};

/** Where a person's feed gets its events, one source a line; input requests use the remiss's member-input deadline. */
export const CALENDAR_SOURCES: CalendarSource[] = [remissDeadlines, followedInquiryReportDates];

/** Every event of this person's feed, in date order (then by UID, so the feed's text is stable). */
export async function calendarEventsFor(manager: EntityManager, actor: Actor, scope: CalendarScope): Promise<CalendarEvent[]> {
  const events = (await Promise.all(CALENDAR_SOURCES.map((source) => source(manager, actor, scope)))).flat();
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
