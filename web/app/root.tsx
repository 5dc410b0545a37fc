import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "./styles/app.css?url";
import { currentUser, toHttpError, type CurrentUser } from "./lib/auth.server";
import { readFlash, type Flash } from "./lib/flash.server";
import { RouteErrorBoundary } from "./components/route-error";
import { label } from "./lib/labels";
import { useNonce } from "./lib/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Remissbanken" }];

export async function loader({ request }: LoaderFunctionArgs) {
  let user: CurrentUser | null;
  try {
    user = await currentUser(request);
  } catch (error) {
    throw toHttpError(request, error);
  }
  const { flash, headers } = await readFlash(request);
  return data({ user, flash }, { headers });
}

/** The signed-in user as the root loaded it (null when anonymous or on an error page). */
export function useOptionalUser(): CurrentUser | null {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Navigation({ user }: { user: CurrentUser | null }) {
  const staff = user?.role === "STAFF" || user?.role === "ADMIN";
  return (
    <nav aria-label="Huvudmeny" className="main-nav">
      <ul>
        <li><NavLink to="/" end>Start</NavLink></li>
        <li><NavLink to="/sok">Sök</NavLink></li>
        {user && <li><NavLink to="/remisser">Remisser</NavLink></li>}
        {user && <li><NavLink to="/stallningstaganden">Ställningstaganden</NavLink></li>}
        <li><NavLink to="/utredningar">Utredningar</NavLink></li>
        {user && <li><NavLink to="/prioriterade-fragor/rapport">Prioriterade frågor</NavLink></li>}
        {staff && <li><NavLink to="/admin">Administration</NavLink></li>}
      </ul>
    </nav>
  );
}

function UserMenu({ user }: { user: CurrentUser | null }) {
  const location = useLocation();
  if (!user) {
    const back = location.pathname === "/logga-in" ? "" : `?redirectTo=${encodeURIComponent(location.pathname + location.search)}`;
    return <Link className="button button-small" to={`/logga-in${back}`}>Logga in</Link>;
  }
  return (
    <div className="user-menu">
      <Link to="/installningar" className="user-name" title="Dina inställningar">
        {user.name}
        <span className="user-role">{user.municipality ? user.municipality.name : label("role", user.role)}</span>
      </Link>
      <Form method="post" action="/logga-ut">
        <button type="submit" className="button button-small button-secondary">Logga ut</button>
      </Form>
    </div>
  );
}

function FlashMessage({ flash }: { flash: Flash | null }) {
  if (!flash) return null;
  return (
    <div className={`flash flash-${flash.kind}`} role={flash.kind === "error" ? "alert" : "status"}>
      {flash.message}
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const loaded = useRouteLoaderData<typeof loader>("root");
  const user = loaded?.user ?? null;
  const location = useLocation();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      {/* data-path says which address the page on screen belongs to: after a client-side
          navigation the address changes a moment before the new page is rendered. */}
      <body data-path={location.pathname + location.search}>
        <a className="skip-link" href="#innehall">Hoppa till innehållet</a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link to="/" className="brand">
              <span aria-hidden="true" className="brand-mark">R</span> Remissbanken
            </Link>
            <Navigation user={user} />
            <UserMenu user={user} />
          </div>
        </header>
        <main id="innehall" tabIndex={-1}>
          <FlashMessage flash={loaded?.flash ?? null} />
          {children}
        </main>
        <footer className="site-footer">
          <p>Remissbanken – SmåKom, De små kommunernas samverkan</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** The error page of every route that has none of its own. */
export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
