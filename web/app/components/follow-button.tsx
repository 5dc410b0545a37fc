/**
 * "Följ utredningen" / "Sluta följa" on an inquiry's page. Without JavaScript a plain POST
 * to the follow route, answered by a redirect back with a message; with it, a fetcher
 * that shows the new state at once while the API is asked.
 */
import { useFetcher } from "@remix-run/react";

export const followPath = (inquiryId: string) => `/utredningar/${inquiryId}/folj`;

export function FollowButton({ inquiryId, followed }: { inquiryId: string; followed: boolean }) {
  const fetcher = useFetcher({ key: `follow-${inquiryId}` });
  const pending = fetcher.state !== "idle";
  // While the request runs, show what was asked for; the page's data settles it afterwards.
  const following = fetcher.formData ? fetcher.formData.get("intent") === "follow" : followed;
  return (
    <fetcher.Form method="post" action={followPath(inquiryId)} className="follow">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <button type="submit" className={following ? "button-secondary" : undefined} disabled={pending} aria-describedby={`follow-state-${inquiryId}`}>
        {pending ? (following ? "Följer…" : "Slutar följa…") : following ? "Sluta följa" : "Följ utredningen"}
      </button>
      <p id={`follow-state-${inquiryId}`} className="muted" role="status">
        {following ? "Du följer utredningen och får e-post om nya dokument, remisser och ändrade datum." : "Följ för att få e-post när något nytt händer i utredningen."}
      </p>
    </fetcher.Form>
  );
}
