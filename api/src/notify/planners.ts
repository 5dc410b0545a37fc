import type { Planner } from "./planned-mail.js";
import type { MailSettings } from "./mail-text.js";
import { deadlineReminderPlanner } from "./deadline-reminder.planner.js";
import { weeklyDigestPlanner } from "./weekly-digest.planner.js";
import { inputArrivedPlanner } from "./input-arrived.planner.js";
import { inputReminderPlanner } from "./input-reminder.planner.js";
import { inputRequestedPlanner } from "./input-requested.planner.js";
import { savedSearchPlanner } from "../saved-search/saved-search.planner.js";
import { followPlanner } from "../follow/follow.planner.js";

/**
 * Every planner the worker's queue asks, one line each, linking to the web app at
 * `settings.publicUrl` (the worker's PUBLIC_URL). The receipt for sent input is the API's own
 * (member-input.emails.ts).
 */
export const plannersFor = (settings: MailSettings): Planner[] => [
  deadlineReminderPlanner(settings),
  weeklyDigestPlanner(settings),
  inputArrivedPlanner(settings),
  inputReminderPlanner(settings),
  inputRequestedPlanner(settings),
  savedSearchPlanner(settings),
  followPlanner(settings),
];
