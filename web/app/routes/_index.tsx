import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { currentUser, load, toHttpError } from "~/lib/auth.server";
import { todayInStockholm } from "~/lib/format";
import { boardApiFilter, parseBoardFilter, sortBoard, sortByInputDeadline } from "~/lib/deadline-board";
import { RouteErrorBoundary } from "~/components/route-error";
import { StaffStart } from "~/components/start/staff-start";
import { BoardStart } from "~/components/start/board-start";
import { MemberStart } from "~/components/start/member-start";
import { PublicStart } from "~/components/start/public-start";
import styles from "~/styles/start.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Remissbanken" }];

/** The board lists every tracked remiss; pages of the API's maximum, up to this many. */
const BOARD_PAGES = 5;

export const StaffBoardQuery = graphql(`
  query StaffBoard($filter: RemissFilter, $after: String) {
    remisser(first: 100, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id diarienummer ministry deadline memberInputDeadline status submittedInputMunicipalityCount
        owner { id name }
        document { id title designation }
      }
    }
  }
`);

const StaffPeopleQuery = graphql(`
  query StaffPeople {
    staff: users(role: STAFF, first: 100) { nodes { id name active } }
    admins: users(role: ADMIN, first: 100) { nodes { id name active } }
  }
`);

const BoardStartQuery = graphql(`
  query BoardStart {
    waiting: responses(first: 50, filter: { statuses: [FOR_APPROVAL] }) {
      totalCount
      nodes {
        id title kind updatedAt
        remiss { id deadline document { title designation } }
        inquiry { id name }
      }
    }
    latest: responses(first: 10, filter: { statuses: [APPROVED, SUBMITTED] }) {
      nodes { id title kind status approvedAt submittedAt }
    }
  }
`);

const MemberStartQuery = graphql(`
  query MemberStart($today: LocalDate!) {
    remisser(first: 100, filter: { deadlineFrom: $today, statuses: [MONITORING, TO_ANSWER, DRAFTING] }) {
      nodes {
        id ministry deadline memberInputDeadline
        abilities { canWriteMemberInput }
        document { title designation }
        memberInputs { id status }
      }
    }
    memberInputs(first: 20) {
      totalCount
      nodes {
        id status submittedAt updatedAt
        remiss { id document { title designation } }
        inquiry { id name }
      }
    }
  }
`);

const PublicStartQuery = graphql(`
  query PublicStart {
    documents(first: 8) { nodes { id title designation kind publishedAt } }
    inquiries(first: 8, filter: { status: ONGOING }) { totalCount nodes { id name committeeDesignation department } }
  }
`);

async function staffBoard(request: Request, meId: string, params: URLSearchParams) {
  const filter = parseBoardFilter(params);
  const variables = { filter: boardApiFilter(filter, meId) };
  const [first, people] = await Promise.all([load(request, StaffBoardQuery, variables), load(request, StaffPeopleQuery)]);
  const remisser = [...first.remisser.nodes];
  let pageInfo = first.remisser.pageInfo;
  for (let page = 1; page < BOARD_PAGES && pageInfo.hasNextPage; page++) {
    const next = await load(request, StaffBoardQuery, { ...variables, after: pageInfo.endCursor });
    remisser.push(...next.remisser.nodes);
    pageInfo = next.remisser.pageInfo;
  }
  const owners = [...people.staff.nodes, ...people.admins.nodes]
    .filter((p) => p.active || p.id === filter.owner)
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { filter, remisser, total: first.remisser.totalCount, owners };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await currentUser(request).catch((error) => {
    throw toHttpError(request, error);
  });
  const today = todayInStockholm();
  if (!me) return { view: "public" as const, today, ...(await load(request, PublicStartQuery)) };
  switch (me.role) {
    case "STAFF":
    case "ADMIN": {
      const board = await staffBoard(request, me.id, new URL(request.url).searchParams);
      return { view: "staff" as const, today, me, ...board, remisser: sortBoard(board.remisser, today) };
    }
    case "BOARD":
      return { view: "board" as const, today, me, ...(await load(request, BoardStartQuery)) };
    case "MEMBER": {
      const data = await load(request, MemberStartQuery, { today });
      const asking = sortByInputDeadline(data.remisser.nodes.filter((r) => r.abilities.canWriteMemberInput));
      return { view: "member" as const, today, me, asking, inputs: data.memberInputs };
    }
  }
}

export default function Start() {
  const data = useLoaderData<typeof loader>();
  switch (data.view) {
    case "staff":
      return <StaffStart {...data} />;
    case "board":
      return <BoardStart {...data} />;
    case "member":
      return <MemberStart {...data} />;
    case "public":
      return <PublicStart {...data} />;
  }
}

export const ErrorBoundary = RouteErrorBoundary;
