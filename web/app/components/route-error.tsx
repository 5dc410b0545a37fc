import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { statusMessage } from "~/lib/errors";

/**
 * A Swedish error message for whatever a route threw, per status. Every route exports it
 * as its ErrorBoundary, so an error replaces only that route's part of the page.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const { title, text } = statusMessage(status);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p className="error-actions">
        {status === 401 || status === 403 ? (
          <Link to={`/logga-in?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>Logga in med ett annat konto</Link>
        ) : null}
        <Link to="/">Till startsidan</Link>
        <Link to="/sok">Sök i Remissbanken</Link>
      </p>
    </section>
  );
}
