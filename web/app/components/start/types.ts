import type { useLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/_index";

/** What the start page's loader gives each role's view. */
export type StartData = ReturnType<typeof useLoaderData<typeof loader>>;
export type StartView<V extends StartData["view"]> = Extract<StartData, { view: V }>;
