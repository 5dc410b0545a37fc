/**
 * The `follow` planner: for each follow, one mail per piece of news in the inquiry's chain
 * since the follower was last told (a new document, a new remiss, a moved deadline). The
 * key names the news, so each is told once; sending it (`stillDue`, in the sender's
 * transaction) records it as told, after checking it is still news.
 */
import type { EntityManager } from "typeorm";
import { Inquiry, InquiryFollow, User, type Document } from "@remissbanken/schema";
import { can } from "../auth/policy.js";
import { toActor } from "../auth/tokens.js";
import type { Planner, PlannedMail } from "../notify/planned-mail.js";
import { isKindEnabled, receivesKind } from "../notify/notification-settings.js";
import { SIGNATURE, swedishDate as longDate, type MailSettings } from "../notify/mail-text.js";
import { afterTelling, chainNews, loadChains, type ChainNews } from "./follow.chain.js";

const mailKey = (followId: string, event: string) => `follow:${followId}:${event}`;
const KEY = /^follow:([0-9a-f-]{36}):(.+)$/;

const swedishDate = (date: string | null) => (date ? longDate(date) : "inget datum");
const named = (d: Document) => (d.designation ? `${d.designation} ${d.title}` : d.title);

function composeMail(user: Pick<User, "name" | "email">, inquiry: Inquiry, news: ChainNews, { publicUrl }: MailSettings): PlannedMail["mail"] {
  const webLink = (path: string) => `${publicUrl}${path}`;
  const inquiryLink = webLink(`/utredningar/${inquiry.id}`);
  let subject: string;
  let body: string;
  switch (news.kind) {
    case "document":
      subject = `Nytt dokument i ${inquiry.name}: ${news.document.designation ?? news.document.title}`;
      body = `Ett nytt dokument har kommit i utredningen ${inquiry.name}:\n\n${named(news.document)}\n${webLink(`/dokument/${news.document.id}`)}`;
      break;
    case "remiss":
      subject = `Ny remiss: ${news.document.designation ?? news.document.title}`;
      body =
        `${news.remiss.ministry} har skickat ${named(news.document)} på remiss` +
        `${news.remiss.diarienummer ? ` (${news.remiss.diarienummer})` : ""}. Sista svarsdag är ${swedishDate(news.remiss.deadline)}.\n` +
        webLink(`/remisser/${news.remiss.id}`);
      break;
    case "deadline":
      subject = `Ny sista svarsdag för remissen av ${news.document.designation ?? news.document.title}`;
      body =
        `Sista svarsdag för remissen av ${named(news.document)} är nu ${swedishDate(news.to)} (tidigare ${swedishDate(news.from)}).\n` +
        webLink(`/remisser/${news.remiss.id}`);
      break;
    case "reportDueDate":
      subject = `${inquiry.name} ska redovisas ${news.to ? swedishDate(news.to) : "utan fastställt datum"}`;
      body = news.to
        ? `Utredningen ${inquiry.name} ska nu redovisas senast ${swedishDate(news.to)} (tidigare ${swedishDate(news.from)}).`
        : `Utredningen ${inquiry.name} har inte längre något datum då den ska redovisas (tidigare ${swedishDate(news.from)}).`;
      break;
  }
  return {
    to: user.email,
    subject,
    text:
      `Hej ${user.name}!\n\n${body}\n\nUtredningen som du följer: ${inquiryLink}\n\n` +
      `Sluta följa utredningen under Bevakningar: ${webLink("/installningar#bevakningar")}\n\n${SIGNATURE}`,
  };
}

/** The follows whose owner gets these mails, with owner and inquiry (archived inquiries have no news). */
function activeFollows(m: EntityManager, followId?: string) {
  const recipient = receivesKind("u", "follow");
  const query = m
    .getRepository(InquiryFollow)
    .createQueryBuilder("f")
    .innerJoinAndMapOne("f.user", User, "u", `u.id = f.user_id AND ${recipient.sql}`, recipient.params)
    .addSelect("u.email")
    .innerJoinAndMapOne("f.inquiry", Inquiry, "i", "i.id = f.inquiry_id AND i.archived_at IS NULL")
    .orderBy("f.created_at");
  if (followId) query.where("f.id = :followId", { followId }).setLock("pessimistic_write", undefined, ["f"]);
  return query.getMany();
}

/** The news of one follow that its owner may read: the catalog (documents, remisser) by the policy. */
async function newsOf(m: EntityManager, follows: InquiryFollow[]): Promise<Array<{ follow: InquiryFollow; news: ChainNews }>> {
  const chains = await loadChains(m, follows.map((f) => f.inquiry!));
  return follows.flatMap((follow) => {
    const readsRemisser = can(toActor(follow.user!), "catalog", "read");
    return chainNews(chains.get(follow.inquiryId)!, follow.told)
      .filter((n) => readsRemisser || n.kind === "document" || n.kind === "reportDueDate")
      .map((news) => ({ follow, news }));
  });
}

/** News in followed inquiries' chains, one mail per piece of news. */
export function followPlanner(settings: MailSettings): Planner {
  return {
    kind: "follow",

    async plan(ds) {
      const follows = await activeFollows(ds.manager);
      return (await newsOf(ds.manager, follows)).map(({ follow, news }) => ({
        key: mailKey(follow.id, news.event),
        kind: "follow" as const,
        userId: follow.userId,
        subject: { type: "inquiry" as const, id: follow.inquiryId },
        mail: composeMail(follow.user!, follow.inquiry!, news, settings),
      }));
    },

    /** Still due while followed and still news (a document archived meanwhile is not); sending records it as told. */
    async stillDue(manager, mail, now) {
      const [, followId, event] = KEY.exec(mail.key) ?? [];
      if (!followId || !(await isKindEnabled(manager, mail.userId, "follow"))) return false;
      const follows = await activeFollows(manager, followId);
      const found = (await newsOf(manager, follows)).find((n) => n.news.event === event);
      if (!found) return false;
      await manager.query(`UPDATE inquiry_follow SET told = $2, last_notified_at = $3 WHERE id = $1`, [
        followId,
        JSON.stringify(afterTelling(found.follow.told, found.news)),
        now,
      ]);
      return true;
    },
  };
}
