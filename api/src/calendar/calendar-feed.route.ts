import crypto from "node:crypto";
import express from "express";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { calendarEventsFor, calendarScope } from "./calendar-events.js";
import { calendarFeedOwner } from "./calendar-feed.commands.js";
import { renderCalendar } from "./calendar-feed.ics.js";

const FILE = /^(.+)\.ics$/;

/**
 * Refuses alike whatever the reason (bad shape, unknown, replaced, revoked, archived person),
 * so the answer tells a guesser nothing.
 */
function notFound(res: express.Response): void {
  res.status(404).set("Cache-Control", "no-store").type("text/plain; charset=utf-8").send("Not found");
}

/** If-None-Match names this ETag (weakly too: a compressing proxy on the way weakens it). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}

/**
 * GET /kalender/<token>.ics: a person's deadlines as an iCalendar feed for Outlook, Google
 * Calendar and Apple Calendar. The token is the only credential (calendars send no cookies);
 * the events are what that person may read, as the API's policy says.
 */
export function calendarFeedRouter(ds: DataSource, publicUrl: string, log: Logger): express.Router {
  const router = express.Router();
  router.get("/kalender/:file", async (req, res) => {
    const token = FILE.exec(req.params.file)?.[1];
    try {
      const actor = token ? await calendarFeedOwner(ds, token) : null;
      if (!actor) return notFound(res);
      const body = renderCalendar(await calendarEventsFor(ds.manager, actor, calendarScope(publicUrl)));
      const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      res.set({
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="remissbanken.ics"',
        // Personal: no shared cache may keep it; calendars revalidate with the ETag.
        "Cache-Control": "private, no-cache",
        ETag: etag,
        "Referrer-Policy": "no-referrer",
        "X-Robots-Tag": "noindex",
        "X-Content-Type-Options": "nosniff",
      });
      if (matches(req.get("if-none-match"), etag)) return void res.status(304).end();
      res.send(body);
    } catch (error) {
      log.error({ err: error }, "calendar feed failed");
      res.status(503).set("Cache-Control", "no-store").type("text/plain; charset=utf-8").send("Kalendern kan inte visas just nu.");
    }
  });
  return router;
}
