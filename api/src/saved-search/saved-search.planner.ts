/**
 * The `savedSearch` planner: at each saved search's frequency, one mail per period with the
 * matches that are new or changed since the owner was last told, found by running the
 * search as the owner. Nothing when there is no news; a period looked at without news is
 * done with, so each search runs at most once a period however often the worker plans.
 *
 * Exactly-once, with the queue's keys: the first run in a period records what its mail
 * tells (`pendingPeriod`, `pending`); a later run in the same period rebuilds the same
 * mail from that record, so a planner that ran twice, or a queue that lost the first
 * attempt, never tells a different story under the same key. Only the send itself
 * (`stillDue`, in the sender's transaction) moves the told matches into `seen`.
 */
import type { DataSource, EntityManager } from "typeorm";
import { SavedSearch, SavedSearchFrequency, SWEDISH_LABELS, User, type PendingNotice } from "@remissbanken/schema";
import { toActor } from "../auth/tokens.js";
import type { Planner, PlannedMail } from "../notify/planned-mail.js";
import { isKindEnabled, receivesKind } from "../notify/notification-settings.js";
import { SIGNATURE, type MailSettings } from "../notify/mail-text.js";
import { currentMatches, news, stillReadable, type Match } from "./saved-search.matches.js";
import { duePeriod } from "./saved-search.periods.js";

/** A mail lists this many matches; the link to the search shows the rest. */
const LISTED = 20;

const TYPE_NAMES: Record<string, string> = {
  document: "Dokument", inquiry: "Utredning", remiss: "Remiss", response: "Remissvar", member_input: "Synpunkt",
};

export const mailKey = (savedSearchId: string, period: string) => `savedSearch:${savedSearchId}:${period}`;

/** The web app's address of the saved search, as its search page reads it. */
export function savedSearchPath(saved: Pick<SavedSearch, "query" | "filters">): string {
  const params = new URLSearchParams();
  if (saved.query) params.set("q", saved.query);
  const f = saved.filters;
  const lists: Array<[string, Array<string | number> | null | undefined]> = [
    ["typ", f.types], ["slag", f.kinds], ["ar", f.years], ["departement", f.departments], ["fraga", f.priorityAreaIds], ["status", f.statuses],
  ];
  for (const [param, values] of lists) for (const value of values ?? []) params.append(param, String(value));
  return `/sok?${params.toString()}`;
}

type Told = PendingNotice["told"][number];

/** The page a match opens, as the web app's search links it. */
function hitPath(type: string, id: string, node: { remissId?: string | null; inquiryId?: string | null }): string {
  switch (type) {
    case "document":
      return `/dokument/${id}`;
    case "inquiry":
      return `/utredningar/${id}`;
    case "remiss":
      return `/remisser/${id}`;
    case "response":
      return `/remissvar/${id}`;
    default:
      return node.remissId ? `/remisser/${node.remissId}` : node.inquiryId ? `/utredningar/${node.inquiryId}` : "/sok";
  }
}

function composeMail(user: Pick<User, "name" | "email">, saved: SavedSearch, told: Told[], { publicUrl }: MailSettings): PlannedMail["mail"] {
  const webLink = (path: string) => `${publicUrl}${path}`;
  const lines = told.slice(0, LISTED).map((t) => `• ${t.title} (${TYPE_NAMES[t.type] ?? t.type})\n  ${webLink(t.path)}`);
  const more = told.length > LISTED ? `\n\n… och ${told.length - LISTED} till.` : "";
  const often = SWEDISH_LABELS.savedSearchFrequency[saved.frequency].toLowerCase();
  return {
    to: user.email,
    subject: `${told.length === 1 ? "En ny träff" : `${told.length} nya träffar`} för din sökning ”${saved.name}”`,
    text:
      `Hej ${user.name}!\n\n` +
      `Det här är nytt eller ändrat sedan sist för din sparade sökning ”${saved.name}”:\n\n${lines.join("\n\n")}${more}\n\n` +
      `Öppna sökningen: ${webLink(savedSearchPath(saved))}\n\n` +
      `Du får det här ${often} när sökningen har nya träffar. Ändra hur ofta eller ta bort sökningen under Bevakningar: ${webLink("/installningar#bevakningar")}\n\n${SIGNATURE}`,
  };
}

const asTold = (m: Match): Told => ({
  key: m.key, type: m.type, id: m.id, title: m.title,
  path: hitPath(m.type, m.id, m.hit.node as { remissId?: string | null; inquiryId?: string | null }),
});

/** What the mail of `period` tells: recorded on its first planning, found fresh otherwise (null: no news). */
async function noticeFor(ds: DataSource, saved: SavedSearch, user: User, period: string): Promise<PendingNotice | null> {
  if (saved.pendingPeriod === period && saved.pending) return saved.pending;
  const fresh = news(await currentMatches(ds, toActor(user), saved.query, saved.filters), saved.seen);
  if (fresh.length === 0) {
    // Looked at, nothing to tell: the search is not run again until the next period.
    await ds.query(`UPDATE saved_search SET last_period = $2 WHERE id = $1 AND pending_period IS NULL`, [saved.id, period]);
    return null;
  }
  const notice: PendingNotice = { matches: Object.fromEntries(fresh.map((m) => [m.key, m.fingerprint])), told: fresh.map(asTold) };
  // Raw SQL: bookkeeping, not an edit, so neither version nor updatedAt moves under the owner's open form.
  // Recorded only if nobody planned this period meanwhile (two workers): the first record wins.
  const [, affected] = await ds.query(
    `UPDATE saved_search SET pending_period = $2, pending = $3 WHERE id = $1 AND pending_period IS DISTINCT FROM $2`,
    [saved.id, period, JSON.stringify(notice)],
  );
  if (affected) return notice;
  const again = await ds.getRepository(SavedSearch).findOneBy({ id: saved.id });
  return again?.pendingPeriod === period ? again.pending : null;
}

/** Saved searches' news, each morning or on Monday mornings as their owners chose. */
export function savedSearchPlanner(settings: MailSettings): Planner {
  return {
    kind: "savedSearch",

    async plan(ds, now) {
      const recipient = receivesKind("u", "savedSearch");
      const rows = await ds
        .getRepository(SavedSearch)
        .createQueryBuilder("s")
        .innerJoinAndMapOne("s.user", User, "u", `u.id = s.user_id AND ${recipient.sql}`, recipient.params)
        .addSelect("u.email")
        .where("s.frequency <> :never", { never: SavedSearchFrequency.NEVER })
        .orderBy("s.created_at")
        .getMany();
      const planned: PlannedMail[] = [];
      for (const saved of rows) {
        const period = duePeriod(saved.frequency, now);
        if (!period || saved.lastPeriod === period) continue;
        const user = saved.user!;
        const notice = await noticeFor(ds, saved, user, period);
        if (!notice) continue;
        planned.push({
          key: mailKey(saved.id, period),
          kind: "savedSearch",
          userId: user.id,
          subject: { type: "savedSearch", id: saved.id },
          mail: composeMail(user, saved, notice.told, settings),
        });
      }
      return planned;
    },

    /** Sends only while the search exists, still mails and its owner may read all it tells; sending records its matches as told. */
    async stillDue(manager: EntityManager, mail: PlannedMail, now: Date) {
      const id = mail.subject?.id;
      if (!id) return false;
      const saved = await manager.getRepository(SavedSearch).createQueryBuilder("s").setLock("pessimistic_write").where("s.id = :id", { id }).getOne();
      if (!saved?.pending || saved.frequency === SavedSearchFrequency.NEVER || mail.key !== mailKey(saved.id, saved.pendingPeriod ?? "")) return false;
      // The owner must still be able to read every match told (access may have changed since planning);
      // if not, the mail is dropped and the next period tells what is still news to them.
      if (!(await isKindEnabled(manager, saved.userId, "savedSearch"))) return false;
      const owner = await manager.getRepository(User).findOneByOrFail({ id: saved.userId });
      if (!(await stillReadable(manager.connection, toActor(owner), saved.pending.told))) return false;
      await manager.query(
        `UPDATE saved_search SET seen = seen || $2::jsonb, last_period = pending_period, last_notified_at = $3, pending_period = NULL, pending = NULL WHERE id = $1`,
        [saved.id, JSON.stringify(saved.pending.matches), now],
      );
      return true;
    },
  };
}
