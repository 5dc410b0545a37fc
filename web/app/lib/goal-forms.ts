/** What the goal forms of a priority area's admin page share between the page and its action. */
export const GOAL_INTENTS = ["add-goal", "update-goal", "remove-goal"] as const;
export type GoalIntent = (typeof GOAL_INTENTS)[number];
export const isGoalIntent = (intent: unknown): intent is GoalIntent => (GOAL_INTENTS as readonly unknown[]).includes(intent);

/** The field names of one goal's form: `goal-<id>-text` for a goal, `new-goal-text` for the new one. */
export const goalPrefix = (goalId: string | null) => (goalId ? `goal-${goalId}` : "new-goal");
