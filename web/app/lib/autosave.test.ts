import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AUTOSAVE_DELAY_MS,
  contentOf,
  describeProblems,
  draftEntries,
  draftFromEntries,
  localDraftKey,
  readLocalDraft,
  restoreOffer,
  retryDelay,
  statusText,
  writeLocalDraft,
  type AutosaveAnswer,
  type DraftStorage,
} from "./autosave";
import { AutosaveController, type AutosaveHost, type AutosaveView } from "./autosave-controller";

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const ID = "7c0b8a4e-2f1d-4c55-9d7e-1a2b3c4d5e6f";

function fields(body: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    baseVersion: "3",
    signatory: "",
    presenter: "",
    letterDate: "",
    summary: "Sammanfattning",
    comment: "",
    "sections.0.number": "5.3",
    "sections.0.heading": "Kommunala VA-bolag",
    "sections.0.stance": "SUPPORTS",
    "sections.0.body": body,
    "sections.0.quotes": "[]",
    ...extra,
  };
}

function formData(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return form;
}

describe("the browser copy of a draft", () => {
  it("keeps the draft's fields, not the form's controls, and compares content without the comment", () => {
    const entries = draftEntries(formData({ ...fields("Text"), intent: "autosave", theirVersion: "4" }));
    expect(entries.map(([name]) => name)).not.toContain("intent");
    expect(entries.map(([name]) => name)).not.toContain("baseVersion");
    const draft = draftFromEntries(entries);
    expect(draft.sections[0].body).toBe("Text");
    expect(contentOf({ ...draft, comment: "Ny kommentar" })).toBe(contentOf(draft));
    expect(contentOf({ ...draft, summary: "Annan" })).not.toBe(contentOf(draft));
  });

  it("is read back as written, and an unreadable copy is dropped", () => {
    const storage = new MemoryStorage();
    const local = { responseId: ID, baseVersion: 3, writtenAt: "2026-03-15T09:42:00.000Z", entries: draftEntries(formData(fields("Text"))) };
    expect(writeLocalDraft(storage, local)).toBe(true);
    expect(readLocalDraft(storage, ID)).toEqual(local);
    storage.setItem(localDraftKey(ID), "{not json");
    expect(readLocalDraft(storage, ID)).toBeNull();
    expect(storage.items.size).toBe(0);
    storage.setItem(localDraftKey(ID), JSON.stringify({ ...local, responseId: "another" }));
    expect(readLocalDraft(storage, ID)).toBeNull();
  });

  it("is not lost when the browser refuses to store it, it only says so", () => {
    const full: DraftStorage = { getItem: () => null, removeItem: () => {}, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(writeLocalDraft(full, { responseId: ID, baseVersion: 1, writtenAt: "", entries: [] })).toBe(false);
  });
});

describe("offering the browser copy back", () => {
  const shown = (body: string, version: number) => ({ content: contentOf(draftFromEntries(draftEntries(formData(fields(body))))), version });
  const local = (body: string, baseVersion: number) => ({ responseId: ID, baseVersion, writtenAt: "2026-03-15T09:42:00.000Z", entries: draftEntries(formData(fields(body))) });

  it("offers nothing when there is no copy or it says what the page shows", () => {
    expect(restoreOffer(null, shown("A", 3))).toBeNull();
    // Saved, but the answer never arrived: the server holds it already.
    expect(restoreOffer(local("A", 2), shown("A", 3))).toBeNull();
  });

  it("offers a copy that differs, and says when a newer version was saved since", () => {
    expect(restoreOffer(local("Mer text", 3), shown("A", 3))).toMatchObject({ behind: false });
    expect(restoreOffer(local("Mer text", 2), shown("A", 3))).toMatchObject({ behind: true });
  });
});

describe("the status line", () => {
  it("says when and which version was saved, in Stockholm time", () => {
    expect(statusText({ kind: "saved", at: new Date("2026-03-15T09:42:00Z"), version: 7 })).toBe("Sparat kl. 10:42 (version 7)");
    expect(statusText({ kind: "offline" })).toContain("Inte sparat – ingen anslutning. Dina ändringar finns kvar i webbläsaren");
  });

  it("names the field of the first problem", () => {
    expect(describeProblems({ "sections.1.body": "Texten är för lång.", summary: "x" }, "")).toBe("Avsnitt 2, Text: Texten är för lång. (och 1 fel till)");
    expect(describeProblems({}, "Några uppgifter behöver rättas.")).toBe("Några uppgifter behöver rättas.");
  });

  it("waits longer after each failure, at most a minute", () => {
    expect([1, 2, 3, 10].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 60_000]);
  });
});

describe("the autosave controller", () => {
  let storage: MemoryStorage;
  let values: Record<string, string>;
  let sent: FormData[];
  let view: Partial<AutosaveView<string>>;
  let controller: AutosaveController<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    values = fields("Början");
    sent = [];
    view = {};
    const host: AutosaveHost<string> = {
      responseId: ID,
      storage,
      read: () => formData(values),
      send: (form) => sent.push(form),
      show: (patch) => Object.assign(view, patch),
      setBaseVersion: (version) => {
        values.baseVersion = String(version);
      },
      restore: (draft, baseVersion) => {
        values = fields(draft.sections[0].body, { baseVersion: String(baseVersion) });
      },
      now: () => new Date("2026-03-15T09:42:00Z"),
    };
    controller = new AutosaveController(host, true);
    controller.attach();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const type = (body: string) => {
    values["sections.0.body"] = body;
    controller.edited();
  };
  const local = () => readLocalDraft(storage, ID);
  const settle = (answer: AutosaveAnswer<string>) => controller.settle(answer);

  it("saves a while after typing stops, keeps the copy until the server has it, then moves the base version", () => {
    type("Början och mer");
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(sent).toHaveLength(0);
    expect(local()?.entries).toContainEqual(["sections.0.body", "Början och mer"]);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].get("intent")).toBe("autosave");
    expect(sent[0].get("baseVersion")).toBe("3");
    expect(view.status).toEqual({ kind: "saving" });
    settle({ outcome: "saved", version: 4 });
    expect(values.baseVersion).toBe("4");
    expect(view.status).toMatchObject({ kind: "saved", version: 4 });
    expect(local()).toBeNull();
  });

  it("sends nothing when nothing changed, and no comment alone makes a version", () => {
    type("Början");
    values.comment = "Bara en kommentar";
    controller.edited();
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(0);
  });

  it("sends one save at a time and the text typed meanwhile next, on the new version", () => {
    type("Ett");
    vi.runOnlyPendingTimers();
    type("Ett två");
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
    settle({ outcome: "saved", version: 4 });
    expect(local()).toMatchObject({ baseVersion: 4 });
    expect(sent).toHaveLength(2);
    expect(sent[1].get("baseVersion")).toBe("4");
    expect(sent[1].get("sections.0.body")).toBe("Ett två");
  });

  it("keeps the copy and tries again with growing pauses while there is no connection", () => {
    type("Offline text");
    vi.runOnlyPendingTimers();
    settle({ outcome: "offline" });
    expect(view.status).toEqual({ kind: "offline" });
    expect(local()?.entries).toContainEqual(["sections.0.body", "Offline text"]);
    vi.advanceTimersByTime(2_000);
    expect(sent).toHaveLength(2);
    settle({ outcome: "unavailable" });
    vi.advanceTimersByTime(3_999);
    expect(sent).toHaveLength(2);
    controller.flush();
    expect(sent).toHaveLength(3);
    settle({ outcome: "saved", version: 4 });
    expect(local()).toBeNull();
  });

  it("stops at a conflict, keeps the person's text and saves nothing more", () => {
    type("Min text");
    vi.runOnlyPendingTimers();
    settle({ outcome: "conflict", conflict: "deras" });
    expect(view).toMatchObject({ status: { kind: "conflict" }, conflict: "deras" });
    type("Min text och mer");
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
    expect(local()?.entries).toContainEqual(["sections.0.body", "Min text och mer"]);
    controller.abandon();
    controller.leave();
    expect(local()).toBeNull();
  });

  it("does not send what it knows is invalid, and says where the problem is", () => {
    type("x".repeat(200_001));
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(0);
    expect(view.status).toMatchObject({ kind: "invalid", message: expect.stringContaining("Avsnitt 1, Text: Texten är för lång") });
    expect(view.fieldErrors).toHaveProperty(["sections.0.body"]);
    expect(local()).not.toBeNull();
  });

  it("waits for the autosave under way before the person's own Spara goes", () => {
    type("Ett");
    vi.runOnlyPendingTimers();
    expect(controller.submitting()).toBe("wait");
    settle({ outcome: "saved", version: 4 });
    expect(controller.submitting()).toBe("go");
    type("Två");
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
  });

  it("offers an unsaved copy on opening and, restored over a newer version, lets the save meet the conflict", () => {
    type("Osparat");
    controller.leave();
    // The page is opened again; meanwhile someone saved version 4.
    values = fields("Deras", { baseVersion: "4" });
    const shown: Partial<AutosaveView<string>> = {};
    const again = new AutosaveController<string>(
      {
        ...hostFor(),
        send: (form) => sent.push(form),
        show: (patch) => Object.assign(shown, patch),
        restore: (draft, baseVersion) => {
          values = fields(draft.sections[0].body, { baseVersion: String(baseVersion) });
        },
      },
      true,
    );
    again.attach();
    expect(shown.offer).toMatchObject({ behind: true, local: { baseVersion: 3 } });
    expect(shown.status).toEqual({ kind: "undecided" });
    // Typing before choosing does not overwrite the copy on offer.
    values["sections.0.body"] = "Deras, ändrat";
    again.edited();
    vi.runOnlyPendingTimers();
    expect(local()?.entries).toContainEqual(["sections.0.body", "Osparat"]);
    again.restore();
    again.attach();
    expect(sent.at(-1)?.get("baseVersion")).toBe("3");
    expect(sent.at(-1)?.get("sections.0.body")).toBe("Osparat");
  });

  it("drops the copy when the person throws it away", () => {
    type("Osparat");
    controller.leave();
    values = fields("Början");
    const again = new AutosaveController<string>(hostFor(), true);
    again.attach();
    again.discard();
    expect(local()).toBeNull();
  });

  function hostFor(): AutosaveHost<string> {
    return {
      responseId: ID,
      storage,
      read: () => formData(values),
      send: () => {},
      show: () => {},
      setBaseVersion: () => {},
      restore: () => {},
      now: () => new Date(),
    };
  }
});
