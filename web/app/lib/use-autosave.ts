/**
 * Autosave for the remissvar editor, with JavaScript: wires the AutosaveController to the
 * form's events, the autosave route, the browser's storage and the connection. Without
 * JavaScript none of this runs and the form saves only when the person presses Spara.
 *
 * The save is a plain fetch, not a Remix fetcher: a fetcher's failed request shows the
 * error page instead of the editor, and after a fetcher's post the router reloads the
 * root's data, which fails when the connection has just dropped (same result).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigation } from "@remix-run/react";
import { AUTOSAVE_TIMEOUT_MS, autosaveUrl, type AutosaveAnswer, type AutosaveStatus, type RestoreOffer } from "./autosave";
import { AutosaveController, type AutosaveView } from "./autosave-controller";
import type { ResponseDraft } from "./response-editor";

interface Options {
  responseId: string;
  /** False where a save does more than add a version (it would void the board's approval). */
  enabled: boolean;
  /** The editor action's answer to the last form post (it rebuilds the form). */
  answered?: { revision: string; conflict?: unknown };
}

export interface Autosave<Conflict> {
  /** Give to the editor's <Form ref>. */
  formRef: (form: HTMLFormElement | null) => void;
  /** Null until the page runs JavaScript. */
  status: AutosaveStatus | null;
  /** The version the form builds on after an autosave; null when the page's own data says. */
  baseVersion: number | null;
  fieldErrors: Record<string, string> | null;
  conflict: Conflict | null;
  offer: RestoreOffer | null;
  /** The browser copy, when the person chose to restore it; `revision` rebuilds the form. */
  restored: { draft: ResponseDraft; revision: string } | null;
  restore(): void;
  discard(): void;
  /** The person chose the other version over their own text. */
  abandon(): void;
}

const browserStorage = () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export function useAutosave<Conflict>({ responseId, enabled, answered }: Options): Autosave<Conflict> {
  const navigation = useNavigation();
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [view, setView] = useState<AutosaveView<Conflict> | null>(null);
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [restored, setRestored] = useState<Autosave<Conflict>["restored"]>(null);

  const formNow = useRef<HTMLFormElement | null>(null);
  formNow.current = form;
  const controllerRef = useRef<AutosaveController<Conflict> | null>(null);
  const waitingSubmitter = useRef<HTMLElement | null | undefined>(undefined);

  const controller = useCallback((): AutosaveController<Conflict> => {
    controllerRef.current ??= new AutosaveController<Conflict>(
      {
        responseId,
        storage: typeof window === "undefined" ? null : browserStorage(),
        read: () => (formNow.current ? new FormData(formNow.current) : null),
        send: (data) => {
          void postAutosave<Conflict>(responseId, data).then((answer) => {
            const c = controller();
            c.settle(answer);
            // A Spara held back while this autosave ran goes now, on the version it made.
            const submitter = waitingSubmitter.current;
            if (submitter === undefined) return;
            waitingSubmitter.current = undefined;
            if (!c.hasConflict()) formNow.current?.requestSubmit(submitter as HTMLButtonElement | null);
          });
        },
        show: (patch) =>
          setView((old) => ({ status: { kind: "idle" }, fieldErrors: null, conflict: null, offer: null, ...old, ...patch })),
        setBaseVersion: (version) => {
          // At once in the form too: a Spara pressed before React renders must carry it.
          const field = formNow.current?.elements.namedItem("baseVersion");
          if (field instanceof HTMLInputElement) field.value = String(version);
          setBaseVersion(version);
        },
        restore: (draft, version) => {
          setBaseVersion(version);
          setRestored({ draft, revision: crypto.randomUUID() });
        },
        now: () => new Date(),
      },
      enabled,
    );
    return controllerRef.current;
  }, [responseId, enabled]);

  useEffect(() => controller().setEnabled(enabled), [controller, enabled]);
  useEffect(() => () => controllerRef.current?.dispose(), []);

  // A new answer of the page's own action rebuilt the form from its draft and base version.
  const revision = answered?.revision;
  const answeredConflict = Boolean(answered?.conflict);
  const firstRevision = useRef(revision);
  useEffect(() => {
    if (revision === firstRevision.current) return;
    firstRevision.current = revision;
    setBaseVersion(null);
    setRestored(null);
    controller().answered(answeredConflict);
  }, [revision, answeredConflict, controller]);

  // The form's events, on the form element of the moment (it is rebuilt with a new key).
  useEffect(() => {
    if (!form) return;
    const c = controller();
    c.attach();
    const edited = () => c.edited();
    const submitted = (event: SubmitEvent) => {
      if (c.submitting() === "go") return;
      // Stopped before React's handler sees it; sent again once the autosave has answered.
      event.preventDefault();
      event.stopPropagation();
      waitingSubmitter.current = event.submitter;
    };
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    form.addEventListener("submit", submitted);
    return () => {
      form.removeEventListener("input", edited);
      form.removeEventListener("change", edited);
      form.removeEventListener("submit", submitted);
    };
  }, [form, controller]);

  // The page and the connection.
  useEffect(() => {
    const c = controller();
    const hidden = () => {
      if (document.visibilityState === "hidden") c.flush();
    };
    const flush = () => c.flush();
    const leave = () => c.leave();
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("blur", flush);
    window.addEventListener("online", flush);
    window.addEventListener("pagehide", leave);
    window.addEventListener("beforeunload", leave);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("blur", flush);
      window.removeEventListener("online", flush);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener("beforeunload", leave);
      c.leave();
    };
  }, [controller]);

  // A Spara that redirected to the read page has saved everything: the browser copy can go.
  const savedAway =
    navigation.state === "loading" && navigation.formMethod?.toUpperCase() === "POST" && navigation.location.pathname === `/remissvar/${responseId}`;
  useEffect(() => {
    if (savedAway) controller().abandon();
  }, [savedAway, controller]);

  return {
    formRef: setForm,
    status: view?.status ?? null,
    baseVersion,
    fieldErrors: view?.fieldErrors ?? null,
    conflict: view?.conflict ?? null,
    offer: view?.offer ?? null,
    restored,
    restore: () => controller().restore(),
    discard: () => controller().discard(),
    abandon: () => controller().abandon(),
  };
}

/** Posts the editor form to the autosave route; every failure becomes an answer, never an exception. */
async function postAutosave<Conflict>(responseId: string, form: FormData): Promise<AutosaveAnswer<Conflict>> {
  let response: Response;
  try {
    response = await fetch(autosaveUrl(responseId), {
      method: "POST",
      body: form,
      headers: { accept: "application/json" },
      // Signed out meanwhile: the sign-in redirect is not followed, the browser copy stays.
      redirect: "manual",
      signal: AbortSignal.timeout(AUTOSAVE_TIMEOUT_MS),
    });
  } catch {
    // No connection, or no answer in time: the request may never have arrived.
    return { outcome: "offline" };
  }
  if (response.type === "opaqueredirect" || response.status === 401) return { outcome: "signedOut" };
  if (response.status >= 500 && response.status !== 503) return { outcome: "failed" };
  try {
    return (await response.json()) as AutosaveAnswer<Conflict>;
  } catch {
    return { outcome: response.status === 503 ? "unavailable" : "failed" };
  }
}
