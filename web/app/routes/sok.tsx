import { RouteErrorBoundary } from "~/components/route-error";

export default function Search() {
  return <h1>Sök</h1>;
}

export const ErrorBoundary = RouteErrorBoundary;
