/** The by-id loaders (named, prepared statements) hydrate exactly what TypeORM's repository loads. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { QueryFailedError, type DataSource, type EntityTarget, type ObjectLiteral } from "typeorm";
import { createDataSource, Document, DocumentText, Inquiry, MemberInput, Municipality, PriorityArea, Remiss, Response, User } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { seedDemoData } from "./seed/demo-data.js";
import { createLoaders } from "./loaders.js";
import { fromDatabaseError } from "./common/errors.js";

let ds: DataSource;

beforeAll(async () => {
  ds = createDataSource(await createTestDatabase());
  await ds.initialize();
  await seedDemoData(ds);
});
afterAll(() => ds?.destroy());

const cases: Array<[keyof ReturnType<typeof createLoaders>, EntityTarget<ObjectLiteral>]> = [
  ["municipality", Municipality], ["user", User], ["priorityArea", PriorityArea], ["inquiry", Inquiry],
  ["document", Document], ["remiss", Remiss], ["response", Response], ["memberInput", MemberInput],
];

it.each(cases)("%s: every row as the repository loads it (columns, types, transformers; no unselected column)", async (key, target) => {
  const expected = await ds.getRepository(target).find();
  expect(expected.length).toBeGreaterThan(0);
  const loader = createLoaders(ds, null)[key] as unknown as { loadMany(ids: string[]): Promise<unknown[]> };
  const loaded = await loader.loadMany([...expected.map((row) => row.id as string), "00000000-0000-4000-8000-000000000000"]);
  expect(loaded).toEqual([...expected, null]);
  for (const row of loaded.slice(0, -1)) expect(row).toBeInstanceOf(target as new () => unknown);
});

it("users load without their password hash", async () => {
  const withHash = await ds.getRepository(User).createQueryBuilder("u").addSelect("u.passwordHash").where("u.password_hash IS NOT NULL").getOne();
  expect(withHash?.passwordHash).toBeTruthy();
  const user = await createLoaders(ds, null).user.load(withHash!.id);
  expect(user?.id).toBe(withHash!.id);
  expect(user).not.toHaveProperty("passwordHash");
});

it("documents prime their full-text facts, as the text loader would load them", async () => {
  const texts = await ds.getRepository(DocumentText).find({ select: ["documentId", "sourceFormat", "pageCount", "charCount", "updatedAt"] });
  expect(texts.length).toBeGreaterThan(0);
  const loaders = createLoaders(ds, null);
  await loaders.document.loadMany(texts.map((t) => t.documentId));
  // Primed: the text loader answers from its cache, with what its own query returns.
  const fresh = createLoaders(ds, null);
  expect(await Promise.all(texts.map((t) => loaders.documentTextInfo.load(t.documentId)))).toEqual(
    await Promise.all(texts.map((t) => fresh.documentTextInfo.load(t.documentId))),
  );
});

it("a malformed id fails as TypeORM's own queries do: a QueryFailedError that maps to BAD_USER_INPUT", async () => {
  const error = await createLoaders(ds, null).remiss.load("not-a-uuid").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(QueryFailedError);
  expect(fromDatabaseError(error)?.code).toBe("BAD_USER_INPUT");
});
