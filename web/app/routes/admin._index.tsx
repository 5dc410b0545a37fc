import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { requireAdminUser } from "~/lib/admin.server";
import { load } from "~/lib/auth.server";
import { todayInStockholm } from "~/lib/format";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Administration – Remissbanken" }];

const Overview = graphql(`
  query AdminOverview($year: Int!) {
    users(first: 1) { totalCount }
    municipalities(first: 1) { totalCount }
    priorityAreas(first: 1, year: $year) { totalCount }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  const year = Number(todayInStockholm().slice(0, 4));
  return { year, ...(await load(request, Overview, { year })) };
}

export default function AdminOverview() {
  const { year, users, municipalities, priorityAreas } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Administration</h1>
      <div className="cards">
        <section className="card stack" aria-labelledby="users-title">
          <h2 id="users-title"><Link to="/admin/anvandare">Användare</Link></h2>
          <p>{users.totalCount} aktiva användare. Bjud in nya, ändra roller och inaktivera konton.</p>
        </section>
        <section className="card stack" aria-labelledby="municipalities-title">
          <h2 id="municipalities-title"><Link to="/admin/kommuner">Medlemskommuner</Link></h2>
          <p>{municipalities.totalCount} medlemskommuner. Lägg till, ändra namn och län, arkivera kommuner som lämnat.</p>
        </section>
        <section className="card stack" aria-labelledby="areas-title">
          <h2 id="areas-title"><Link to="/admin/prioriterade-fragor">Prioriterade frågor</Link></h2>
          <p>{priorityAreas.totalCount} prioriterade frågor för {year}. Lägg upp frågor och mål per år och följ upp målen.</p>
        </section>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
