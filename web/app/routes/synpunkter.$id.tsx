/**
 * `/synpunkter/:id`: where a quote of member input links. Member input has no page of its
 * own; this finds the remiss (or inquiry) it was given on and opens it there.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { isId } from "~/lib/ids";
import { RouteErrorBoundary } from "~/components/route-error";

const MemberInputPlace = graphql(`
  query MemberInputPlace($id: ID!) {
    memberInput(id: $id) { id remissId inquiryId }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const { memberInput } = await load(request, MemberInputPlace, { id: params.id });
  if (memberInput?.remissId) throw redirect(`/remisser/${memberInput.remissId}#synpunkt-${memberInput.id}`);
  if (memberInput?.inquiryId) throw redirect(`/utredningar/${memberInput.inquiryId}#synpunkt-${memberInput.id}`);
  throw notFoundResponse();
}

// The loader always redirects or refuses; the component is there for the error boundary.
export default function MemberInputPlacePage() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
