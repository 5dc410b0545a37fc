import type { Planner } from "./planned-mail.js";
import type { MailSettings } from "./mail-text.js";
import { loadConfig } from "../config.js";
import { deadlineReminderPlanner } from "./deadline-reminder.planner.js";
import { weeklyDigestPlanner } from "./weekly-digest.planner.js";
import { inputArrivedPlanner } from "./input-arrived.planner.js";
import { inputReminderPlanner } from "./input-reminder.planner.js";
import { inputRequestedPlanner } from "./input-requested.planner.js";
import { savedSearchPlanner } from "../saved-search/saved-search.planner.js";
import { followPlanner } from "../follow/follow.planner.js";

let publicUrl: string | undefined;
/**
 * Links in mail point at the web app. Planners run in the worker, with the API's environment,
 * so PUBLIC_URL decides as it does there; read when a planner first plans, not at import.
 */
const fromConfig: MailSettings = {
  get publicUrl() {
    publicUrl ??= loadConfig().publicUrl;
    return publicUrl;
  },
};

/** Every planner the worker's queue asks, one line each. The receipt for sent input is the API's own (member-input.emails.ts). */
export const PLANNERS: Planner[] = [
  deadlineReminderPlanner(fromConfig),
  weeklyDigestPlanner(fromConfig),
  inputArrivedPlanner(fromConfig),
  inputReminderPlanner(fromConfig),
  inputRequestedPlanner(fromConfig),
  savedSearchPlanner(fromConfig),
  followPlanner(fromConfig),
];
