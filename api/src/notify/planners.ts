import type { Planner } from "./planned-mail.js";
import type { MailSettings } from "./mail-text.js";
import { deadlineReminderPlanner } from "./deadline-reminder.planner.js";
import { weeklyDigestPlanner } from "./weekly-digest.planner.js";
import { inputArrivedPlanner } from "./input-arrived.planner.js";
import { inputReminderPlanner } from "./input-reminder.planner.js";

/**
 * Every planner the worker runs. Their mails link to the web app, so they are made with its
 * address (config.publicUrl); the receipt for sent input is sent by the API itself
 * (member-input.emails.ts).
 */
export function createPlanners(settings: MailSettings): Planner[] {
  return [
    deadlineReminderPlanner(settings),
    weeklyDigestPlanner(settings),
    inputArrivedPlanner(settings),
    inputReminderPlanner(settings),
  ];
}
