import DataLoader from "dataloader";
import type { DataSource, EntityManager } from "typeorm";
import { Inquiry, InquiryFollow } from "@remissbanken/schema";
import { can, type Actor } from "../auth/policy.js";
import { ensureNotArchived } from "../common/crud.js";
import { notFound } from "../common/errors.js";
import { loadChains, snapshot } from "./follow.chain.js";

/** Follows an inquiry from now on: what its chain holds today is known, only later news is emailed. Following twice is following once. */
export async function followInquiry(m: EntityManager, actor: Actor, inquiryId: string): Promise<InquiryFollow> {
  const inquiry = await m.getRepository(Inquiry).findOneBy({ id: inquiryId });
  if (!inquiry) throw notFound("Inquiry", inquiryId);
  ensureNotArchived(inquiry, "The inquiry");
  const repo = m.getRepository(InquiryFollow);
  const existing = await repo.findOneBy({ userId: actor.id, inquiryId });
  if (existing) return existing;
  const chain = (await loadChains(m, [inquiry])).get(inquiry.id)!;
  await repo.createQueryBuilder().insert().values({ userId: actor.id, inquiryId, told: snapshot(chain) }).orIgnore().execute();
  return repo.findOneByOrFail({ userId: actor.id, inquiryId });
}

/** Stops following; true when there was a follow to stop. */
export async function unfollowInquiry(m: EntityManager, actor: Actor, inquiryId: string): Promise<boolean> {
  const follow = await m.getRepository(InquiryFollow).findOneBy({ userId: actor.id, inquiryId });
  if (!follow || !can(actor, "watch", "own", follow)) return false;
  await m.getRepository(InquiryFollow).delete(follow.id);
  return true;
}

export function myFollows(ds: DataSource, actor: Actor): Promise<InquiryFollow[]> {
  return ds.getRepository(InquiryFollow).createQueryBuilder("f").where("f.user_id = :userId", { userId: actor.id }).orderBy("f.created_at", "DESC").getMany();
}

/** Whether the caller follows each inquiry, in one statement per batch. */
export function followedLoader(ds: DataSource, actor: Actor) {
  return new DataLoader<string, boolean>(async (inquiryIds) => {
    const rows: { inquiry_id: string }[] = await ds.query(`SELECT inquiry_id FROM inquiry_follow WHERE user_id = $1 AND inquiry_id = ANY($2::uuid[])`, [
      actor.id,
      inquiryIds,
    ]);
    const followed = new Set(rows.map((r) => r.inquiry_id));
    return inquiryIds.map((id) => followed.has(id));
  });
}
