/**
 * The editor's autosave as a small state machine, free of React and the DOM so that its
 * decisions can be tested with fake timers: the hook (use-autosave.ts) feeds it the
 * person's edits and the server's answers and shows what it asks to show.
 *
 * The rules: the browser copy is written before any save is tried and removed only once
 * the server holds exactly what the form holds; one save at a time (a second request
 * would race the first and meet its own version as a conflict); nothing is sent when
 * nothing changed; a conflict stops autosaving until the person has chosen.
 */
import {
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_INTENT,
  LOCAL_WRITE_DELAY_MS,
  clearLocalDraft,
  contentOf,
  describeProblems,
  draftEntries,
  draftFromEntries,
  readLocalDraft,
  restoreOffer,
  retryDelay,
  writeLocalDraft,
  type AutosaveAnswer,
  type AutosaveStatus,
  type DraftStorage,
  type RestoreOffer,
} from "./autosave";
import { validateDraft, type ResponseDraft } from "./response-editor";

export interface AutosaveView<Conflict> {
  status: AutosaveStatus;
  fieldErrors: Record<string, string> | null;
  conflict: Conflict | null;
  offer: RestoreOffer | null;
}

/** What the controller needs from the page. */
export interface AutosaveHost<Conflict> {
  responseId: string;
  storage: DraftStorage | null;
  /** The form's fields now, or null while there is no form. */
  read(): FormData | null;
  /** Posts the form to the autosave route; the answer comes back through settle(). */
  send(form: FormData): void;
  show(view: Partial<AutosaveView<Conflict>>): void;
  /** The form builds on this version from now on. */
  setBaseVersion(version: number): void;
  /** Shows the browser copy in the form (the form is rebuilt; attach() follows). */
  restore(draft: ResponseDraft, baseVersion: number): void;
  now(): Date;
}

type Timer = ReturnType<typeof setTimeout>;

export class AutosaveController<Conflict> {
  /** What the server holds of this form, as contentOf(); null until the form is attached. */
  private savedContent: string | null = null;
  private inFlight: string | null = null;
  private queued = false;
  private attempts = 0;
  private stopped = false;
  private undecided = false;
  /** A form post of the page itself (Spara, add a section) is under way. */
  private paused = false;
  private restoring = false;
  private abandoned = false;
  private lastSaved: { at: Date; version: number } | null = null;
  private offer: RestoreOffer | null = null;
  private saveTimer: Timer | undefined;
  private localTimer: Timer | undefined;
  private retryTimer: Timer | undefined;

  constructor(
    private readonly host: AutosaveHost<Conflict>,
    private enabled: boolean,
  ) {}

  /** The form is on the page (again). The first time, see whether the browser holds an unsaved copy. */
  attach(): void {
    const form = this.host.read();
    if (!form) return;
    if (this.savedContent === null) {
      this.savedContent = this.contentOfForm(form);
      const local = this.host.storage ? readLocalDraft(this.host.storage, this.host.responseId) : null;
      this.offer = restoreOffer(local, { content: this.savedContent, version: Number(form.get("baseVersion")) });
      if (local && !this.offer) this.clearLocal();
      this.undecided = this.offer !== null;
      this.host.show({ offer: this.offer, status: this.restingStatus() });
    } else if (this.restoring) {
      this.restoring = false;
      this.save();
    }
  }

  /** A new answer of the page's own action rebuilt the form; a conflict in it stops autosaving. */
  answered(conflict: boolean): void {
    this.paused = false;
    this.stopped = conflict;
    this.host.show({ status: conflict ? { kind: "conflict" } : this.restingStatus(), fieldErrors: null, conflict: null });
  }

  /** The person typed or chose something. */
  edited(): void {
    if (this.undecided) return;
    clearTimeout(this.localTimer);
    this.localTimer = setTimeout(() => this.writeLocal(), LOCAL_WRITE_DELAY_MS);
    if (!this.enabled || this.stopped || this.paused) return;
    if (this.inFlight === null && this.dirty()) this.host.show({ status: { kind: "pending" } });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), AUTOSAVE_DELAY_MS);
  }

  /** Save now what is not saved (the page is hidden, the window lost focus, the connection is back). */
  flush(): void {
    this.writeLocal();
    if (this.dirty()) this.save();
  }

  /** The page is going away: keep what is not saved. */
  leave(): void {
    this.clearTimers();
    this.writeLocal();
  }

  /**
   * The person submits the form (Spara, Behåll min text, a section button). Returns
   * "wait" when an autosave is under way: its answer moves the base version, and the
   * form must go with the new one; call resume() after settle().
   */
  submitting(): "go" | "wait" {
    this.clearTimers();
    this.writeLocal();
    if (this.inFlight !== null) return "wait";
    this.paused = true;
    return "go";
  }

  /** The form post ended where it began (a refused navigation): autosave may go on. */
  resumed(): void {
    this.paused = false;
  }

  hasConflict(): boolean {
    return this.stopped;
  }

  save(): void {
    clearTimeout(this.saveTimer);
    if (!this.enabled || this.stopped || this.undecided || this.paused) return;
    const form = this.host.read();
    if (!form) return;
    if (this.inFlight !== null) {
      this.queued = true;
      return;
    }
    const entries = draftEntries(form);
    const draft = draftFromEntries(entries);
    const content = contentOf(draft);
    if (content === this.savedContent) {
      this.clearLocal();
      this.host.show({ status: this.restingStatus() });
      return;
    }
    this.writeLocal(form);
    const valid = validateDraft(draft);
    if (!valid.ok) {
      this.host.show({
        status: { kind: "invalid", message: describeProblems(valid.fieldErrors, "Några uppgifter behöver rättas.") },
        fieldErrors: valid.fieldErrors,
      });
      return;
    }
    this.inFlight = content;
    form.set("intent", AUTOSAVE_INTENT);
    this.host.send(form);
    this.host.show({ status: { kind: "saving" } });
  }

  /** The answer to the autosave under way. */
  settle(answer: AutosaveAnswer<Conflict>): void {
    const content = this.inFlight;
    this.inFlight = null;
    if (content === null) return;
    const queued = this.queued;
    this.queued = false;
    switch (answer.outcome) {
      case "saved": {
        this.savedContent = content;
        this.attempts = 0;
        this.lastSaved = { at: this.host.now(), version: answer.version };
        this.host.setBaseVersion(answer.version);
        this.host.show({ status: { kind: "saved", ...this.lastSaved }, fieldErrors: null });
        // Typed while it was saved: the copy now builds on the new version, and goes next.
        this.writeLocal();
        if (queued) this.save();
        return;
      }
      case "invalid":
        this.host.show({ status: { kind: "invalid", message: answer.message }, fieldErrors: answer.fieldErrors });
        return;
      case "conflict":
        this.stopped = true;
        this.clearTimers();
        this.host.show({ status: { kind: "conflict" }, conflict: answer.conflict });
        return;
      case "offline":
      case "unavailable":
      case "signedOut":
      case "failed":
        this.attempts += 1;
        this.host.show({ status: { kind: answer.outcome } });
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.save(), retryDelay(this.attempts));
        return;
    }
  }

  /** Put the browser copy in the form; its base version decides whether the next save is a conflict. */
  restore(): void {
    const offer = this.offer;
    if (!offer) return;
    this.offer = null;
    this.undecided = false;
    this.restoring = true;
    this.host.show({ offer: null, status: { kind: "pending" } });
    this.host.restore(draftFromEntries(offer.local.entries), offer.local.baseVersion);
  }

  /** "Använd deras version" (the page reloads with theirs) or a Spara that went through: nothing of the form is to be kept. */
  abandon(): void {
    this.abandoned = true;
    this.clearTimers();
    this.clearLocal();
  }

  /** Throw the browser copy away (the offer's "Släng"). */
  discard(): void {
    this.offer = null;
    this.undecided = false;
    this.clearLocal();
    this.host.show({ offer: null, status: this.restingStatus() });
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  dispose(): void {
    this.clearTimers();
  }

  private restingStatus(): AutosaveStatus {
    if (this.stopped) return { kind: "conflict" };
    if (this.undecided) return { kind: "undecided" };
    if (!this.enabled) return { kind: "approved" };
    return this.lastSaved ? { kind: "saved", ...this.lastSaved } : { kind: "idle" };
  }

  private contentOfForm(form: FormData): string {
    return contentOf(draftFromEntries(draftEntries(form)));
  }

  private dirty(): boolean {
    const form = this.host.read();
    return form !== null && this.savedContent !== null && this.contentOfForm(form) !== this.savedContent;
  }

  /** Keeps what the server does not hold yet, and nothing once it does. */
  private writeLocal(form = this.host.read()): void {
    clearTimeout(this.localTimer);
    if (this.undecided || this.abandoned || !form || !this.host.storage) return;
    if (this.contentOfForm(form) === this.savedContent) {
      this.clearLocal();
      return;
    }
    writeLocalDraft(this.host.storage, {
      responseId: this.host.responseId,
      baseVersion: Number(form.get("baseVersion")),
      writtenAt: this.host.now().toISOString(),
      entries: draftEntries(form),
    });
  }

  private clearLocal(): void {
    if (this.host.storage) clearLocalDraft(this.host.storage, this.host.responseId);
  }

  private clearTimers(): void {
    clearTimeout(this.saveTimer);
    clearTimeout(this.localTimer);
    clearTimeout(this.retryTimer);
  }
}
