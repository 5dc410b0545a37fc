import type { MetaFunction } from "@remix-run/node";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Remissbanken" }];

export default function Start() {
  return <h1>Remissbanken</h1>;
}

export const ErrorBoundary = RouteErrorBoundary;
