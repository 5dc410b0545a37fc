import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireUser } from "~/lib/auth.server";
import { RouteErrorBoundary } from "~/components/route-error";
import styles from "~/styles/admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * Administration is for the secretariat (staff) and admins: the API lets both manage
 * member and board users, municipalities, priority areas and the search thesaurus (admins also staff and
 * admins). Board members and member users get the 403 page.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN"]);
  return null;
}

export default function AdminLayout() {
  return (
    <>
      <nav className="admin-nav" aria-label="Administration">
        <ul>
          <li><NavLink to="/admin" end>Översikt</NavLink></li>
          <li><NavLink to="/admin/anvandare">Användare</NavLink></li>
          <li><NavLink to="/admin/kommuner">Medlemskommuner</NavLink></li>
          <li><NavLink to="/admin/prioriterade-fragor">Prioriterade frågor</NavLink></li>
          <li><NavLink to="/admin/importer">Importer</NavLink></li>
          <li><NavLink to="/admin/synonymer">Synonymer</NavLink></li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
