/**
 * The notification queue through the real graphile-worker on the real database: planned,
 * queued once, sent over SMTP to the API's capturing server, retried after a failure, and
 * dropped when it is no longer wanted. The clock moves by passing `now`, never by waiting.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Notification, Remiss, Role, User } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildRemiss, buildUser } from "@remissbanken/test/factories";
import { runDueJobs, workerContext } from "@remissbanken/test/jobs";
import { createMailer, type Mailer } from "../auth/mailer.js";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { planNotifications, queueMails } from "./notification-queue.js";
import { notificationMessageId, sendNotification } from "./notification-sender.js";
import { deadlineReminderPlanner } from "./deadline-reminder.planner.js";

const PUBLIC_URL = "http://remissbanken.test";
const DAY = 86_400_000;
const silent = pino({ level: "silent" });

let api: TestApi;
/** Sends over SMTP to the API's capturing server, as the worker under `npm start` does. */
let smtp: Mailer;

beforeAll(async () => {
  api = await startTestApi();
  smtp = await createMailer({ smtpUrl: api.server.mailer.localSmtpUrl, from: "Remissbanken <noreply@smakom.example>", echoToConsole: false }, silent);
});
afterAll(async () => {
  await smtp?.close();
  await api?.stop();
});

/**
 * A test planner: a reminder to each given user seven days before the remiss's deadline,
 * no longer due once the remiss is archived.
 */
function reminderPlanner(remissId: string, users: User[]): Planner {
  return {
    kind: "deadlineReminder",
    async plan(ds, now) {
      const remiss = await ds.manager.findOneByOrFail(Remiss, { id: remissId });
      const remindAt = new Date(`${remiss.deadline}T00:00:00Z`).getTime() - 7 * DAY;
      if (now.getTime() < remindAt) return [];
      return users.map((user) => ({
        key: `deadlineReminder:${remiss.id}:${remiss.deadline}:7:${user.id}`,
        kind: "deadlineReminder" as const,
        userId: user.id,
        subject: { type: "remiss" as const, id: remiss.id },
        mail: { to: user.email, subject: "Sista svarsdag om en vecka", text: `Remissen ska besvaras senast ${remiss.deadline}.` },
      }));
    },
    async stillDue(manager, mail) {
      const remiss = await manager.findOneByOrFail(Remiss, { id: mail.subject!.id });
      return remiss.archivedAt === null;
    },
  };
}

/** Runs every job due now through the real graphile-worker, sending over SMTP unless a mailer is given. */
const runJobs = (planners: Planner[], mailer: Pick<Mailer, "send"> = smtp) => runDueJobs(api, { planners, mailer, publicUrl: PUBLIC_URL });
const senderServices = (planners: Planner[]) => workerContext(api, { planners, mailer: smtp, publicUrl: PUBLIC_URL });

const mailTo = (email: string) => api.server.mailer.captured.filter((m) => m.to.includes(email));
const stored = (key: string) => api.ds.manager.findOneByOrFail(Notification, { key });

async function setting(deadline = "2031-03-20") {
  const remiss = await buildRemiss(api.ds.manager, { deadline });
  const user = await buildUser(api.ds.manager, { role: Role.STAFF });
  const key = `deadlineReminder:${remiss.id}:${deadline}:7:${user.id}`;
  return { remiss, user, key, planner: reminderPlanner(remiss.id, [user]) };
}

describe("the notification queue", () => {
  it("sends a due mail once, over SMTP, with the settings footer and a Message-ID from its key", async () => {
    const { user, key, planner } = await setting("2031-03-20");

    // Eight days before the deadline nothing is due yet.
    expect((await planNotifications(api.ds, new Date("2031-03-12T08:00:00Z"), [planner])).queued).toBe(0);
    await runJobs([planner]);
    expect(mailTo(user.email)).toHaveLength(0);

    const due = new Date("2031-03-13T08:00:00Z");
    expect(await planNotifications(api.ds, due, [planner])).toEqual({ queued: 1, failed: [] });
    await runJobs([planner]);
    const [mail] = mailTo(user.email);
    expect(mail.subject).toBe("Sista svarsdag om en vecka");
    expect(mail.text).toContain("Remissen ska besvaras senast 2031-03-20.");
    expect(mail.text).toContain(`Du får det här mejlet från Remissbanken. Ändra vilka mejl du får: ${PUBLIC_URL}/installningar#e-post`);
    expect(mail.messageId).toBe(notificationMessageId(key, PUBLIC_URL));
    expect(await stored(key)).toMatchObject({ sentAt: expect.any(Date), droppedAt: null, attempts: 1, lastError: null, recipient: user.email });

    // Planning again, the next run or a day later, sends nothing new.
    expect((await planNotifications(api.ds, due, [planner])).queued).toBe(0);
    expect((await planNotifications(api.ds, new Date(due.getTime() + DAY), [planner])).queued).toBe(0);
    await runJobs([planner]);
    expect(mailTo(user.email)).toHaveLength(1);
  });

  it("sends one mail when two plan at once and two workers run at once", async () => {
    const { user, planner } = await setting("2031-04-20");
    const now = new Date("2031-04-15T08:00:00Z");
    const planned = await Promise.all([planNotifications(api.ds, now, [planner]), planNotifications(api.ds, now, [planner])]);
    expect(planned.map((p) => p.queued).sort()).toEqual([0, 1]);
    await Promise.all([runJobs([planner]), runJobs([planner])]);
    expect(mailTo(user.email)).toHaveLength(1);
  });

  it("sends once even if the same key's job runs twice at the same moment (the row is locked while sending)", async () => {
    const { user, key, planner } = await setting("2031-04-25");
    await planNotifications(api.ds, new Date("2031-04-20T08:00:00Z"), [planner]);
    const outcomes = await Promise.all([sendNotification(senderServices([planner]), key), sendNotification(senderServices([planner]), key)]);
    expect(outcomes.sort()).toEqual(["done before", "sent"]);
    expect(mailTo(user.email)).toHaveLength(1);
  });

  it("retries a send that failed and sends it once", async () => {
    const { user, key, planner } = await setting("2031-05-20");
    let calls = 0;
    const flaky: Pick<Mailer, "send"> = {
      async send(mail, options) {
        if (++calls === 1) throw new Error("451 4.3.0 Mail server temporarily rejected message");
        await smtp.send(mail, options);
      },
    };
    await planNotifications(api.ds, new Date("2031-05-14T08:00:00Z"), [planner]);
    await runJobs([planner], flaky);
    expect(mailTo(user.email)).toHaveLength(0);
    expect(await stored(key)).toMatchObject({ sentAt: null, attempts: 1, lastError: expect.stringContaining("temporarily rejected") });
    const [job] = await api.ds.query(`SELECT attempts, run_at > now() AS later FROM graphile_worker.jobs WHERE key = $1`, [`notification:${key}`]);
    expect(job).toEqual({ attempts: 1, later: true });

    // graphile-worker waits exp(1) s before the retry; move its clock instead of waiting.
    await api.ds.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [`notification:${key}`]);
    await runJobs([planner], flaky);
    expect(mailTo(user.email)).toHaveLength(1);
    expect(await stored(key)).toMatchObject({ sentAt: expect.any(Date), attempts: 2, lastError: null });
    expect(await api.ds.query(`SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [`notification:${key}`])).toEqual([]);
  });

  it("drops a mail that is no longer due when its turn comes, and sends nothing", async () => {
    const { remiss, user, key, planner } = await setting("2031-06-20");
    await planNotifications(api.ds, new Date("2031-06-14T08:00:00Z"), [planner]);
    await api.ds.manager.update(Remiss, remiss.id, { archivedAt: new Date() });
    await runJobs([planner]);
    expect(mailTo(user.email)).toHaveLength(0);
    expect(await stored(key)).toMatchObject({ sentAt: null, droppedAt: expect.any(Date), droppedReason: "no longer due" });
  });

  it("sends nothing to a user archived since the mail was planned", async () => {
    const { user, key, planner } = await setting("2031-07-20");
    await planNotifications(api.ds, new Date("2031-07-14T08:00:00Z"), [planner]);
    await api.ds.manager.update(User, user.id, { archivedAt: new Date(), active: false });
    await runJobs([planner]);
    expect(mailTo(user.email)).toHaveLength(0);
    expect(await stored(key)).toMatchObject({ sentAt: null, droppedReason: "the user is archived or inactive" });
  });

  it("queues a mail with a domain write or not at all", async () => {
    const user = await buildUser(api.ds.manager, { role: Role.STAFF });
    const mail = (key: string): PlannedMail => ({
      key,
      kind: "inputArrived",
      userId: user.id,
      mail: { to: user.email, subject: "Synpunkter har kommit in", text: "Forshaga har lämnat synpunkter." },
    });
    const rolledBack = `inputArrived:rolled-back:${user.id}`;
    await expect(
      api.ds.transaction(async (manager) => {
        await queueMails(manager, [mail(rolledBack)]);
        throw new Error("the domain write failed");
      }),
    ).rejects.toThrow("the domain write failed");
    expect(await api.ds.manager.countBy(Notification, { key: rolledBack })).toBe(0);
    expect(await api.ds.query(`SELECT 1 FROM graphile_worker.jobs WHERE key = $1`, [`notification:${rolledBack}`])).toEqual([]);

    const committed = `inputArrived:committed:${user.id}`;
    expect(await api.ds.transaction((manager) => queueMails(manager, [mail(committed), mail(committed)]))).toEqual([committed]);
    await runJobs([]);
    expect(mailTo(user.email).map((m) => m.subject)).toEqual(["Synpunkter har kommit in"]);
  });

  it("queues the other planners' mail when one planner fails", async () => {
    const { user, planner } = await setting("2031-08-20");
    const broken: Planner = { kind: "weeklyDigest", plan: async () => Promise.reject(new Error("digest query failed")) };
    const result = await planNotifications(api.ds, new Date("2031-08-14T08:00:00Z"), [broken, planner]);
    expect(result.queued).toBe(1);
    expect(result.failed.map((f) => [f.kind, f.error.message])).toEqual([["weeklyDigest", "digest query failed"]]);
    await runJobs([planner]);
    expect(mailTo(user.email)).toHaveLength(1);
  });

  it("carries a real planner's reminder from planning to the inbox, once", async () => {
    const owner = await buildUser(api.ds.manager, { role: Role.STAFF });
    await buildRemiss(api.ds.manager, { deadline: "2031-09-20", ownerId: owner.id });
    const planners = [deadlineReminderPlanner({ publicUrl: PUBLIC_URL })];
    const now = new Date("2031-09-13T08:00:00Z");
    expect((await planNotifications(api.ds, now, planners)).queued).toBe(1);
    await runDueJobs(api, { planners, mailer: smtp, publicUrl: PUBLIC_URL, clock: () => now });
    expect(await planNotifications(api.ds, new Date("2031-09-13T08:10:00Z"), planners)).toEqual({ queued: 0, failed: [] });
    const mails = mailTo(owner.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Sista svarsdag om 7 dagar/)]);
    expect(mails[0].text).toMatch(/Ändra vilka mejl du får: http:\/\/remissbanken\.test\/installningar#e-post$/);
  });
});
