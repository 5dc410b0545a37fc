/**
 * An inquiry's chain as a follower is told of it: its documents, the remisser on them and
 * the deadlines (the inquiry's "redovisas senast", each remiss's sista svarsdag). News is
 * what differs from what the follower was last told (`InquiryFollow.told`).
 */
import type { EntityManager } from "typeorm";
import { Document, Inquiry, Remiss, type ToldChain } from "@remissbanken/schema";

export interface Chain {
  inquiry: Inquiry;
  documents: Document[];
  remisser: Remiss[];
}

/** One thing to tell; its `event` is part of the mail's key, so each is told once. */
export type ChainNews =
  | { event: string; kind: "document"; document: Document }
  | { event: string; kind: "remiss"; remiss: Remiss; document: Document }
  | { event: string; kind: "reportDueDate"; from: string | null; to: string | null }
  | { event: string; kind: "deadline"; remiss: Remiss; document: Document; from: string | null; to: string };

/** The chains of these inquiries (archived documents and remisser left out), in two statements. */
export async function loadChains(m: EntityManager, inquiries: Inquiry[]): Promise<Map<string, Chain>> {
  const chains = new Map(inquiries.map((inquiry) => [inquiry.id, { inquiry, documents: [] as Document[], remisser: [] as Remiss[] }]));
  if (inquiries.length === 0) return chains;
  const documents = await m
    .getRepository(Document)
    .createQueryBuilder("d")
    .where("d.inquiry_id IN (:...ids) AND d.archived_at IS NULL", { ids: [...chains.keys()] })
    .orderBy("d.created_at")
    .getMany();
  for (const d of documents) chains.get(d.inquiryId!)!.documents.push(d);
  const documentIds = documents.map((d) => d.id);
  const remisser = documentIds.length
    ? await m.getRepository(Remiss).createQueryBuilder("r").where("r.document_id IN (:...documentIds) AND r.archived_at IS NULL", { documentIds }).orderBy("r.created_at").getMany()
    : [];
  const inquiryOf = new Map(documents.map((d) => [d.id, d.inquiryId!]));
  for (const r of remisser) chains.get(inquiryOf.get(r.documentId)!)!.remisser.push(r);
  return chains;
}

/** What a follower knows right after following: everything as it is now. */
export function snapshot(chain: Chain): ToldChain {
  return {
    documents: chain.documents.map((d) => d.id),
    remisser: chain.remisser.map((r) => r.id),
    deadlines: { inquiry: chain.inquiry.reportDueDate, ...Object.fromEntries(chain.remisser.map((r) => [r.id, r.deadline])) },
  };
}

/** What has happened in the chain since `told`. */
export function chainNews(chain: Chain, told: ToldChain): ChainNews[] {
  const news: ChainNews[] = [];
  const documentOf = new Map(chain.documents.map((d) => [d.id, d]));
  for (const document of chain.documents) {
    if (!told.documents.includes(document.id)) news.push({ event: `document:${document.id}`, kind: "document", document });
  }
  for (const remiss of chain.remisser) {
    const document = documentOf.get(remiss.documentId)!;
    if (!told.remisser.includes(remiss.id)) {
      news.push({ event: `remiss:${remiss.id}`, kind: "remiss", remiss, document });
    } else if ((told.deadlines[remiss.id] ?? null) !== remiss.deadline) {
      news.push({ event: `deadline:${remiss.id}:${remiss.deadline}`, kind: "deadline", remiss, document, from: told.deadlines[remiss.id] ?? null, to: remiss.deadline });
    }
  }
  const due = chain.inquiry.reportDueDate;
  if ((told.deadlines.inquiry ?? null) !== due) {
    news.push({ event: `reportDueDate:${due ?? "none"}`, kind: "reportDueDate", from: told.deadlines.inquiry ?? null, to: due });
  }
  return news;
}

/** `told` after the follower was told of `news`. */
export function afterTelling(told: ToldChain, news: ChainNews): ToldChain {
  switch (news.kind) {
    case "document":
      return { ...told, documents: [...new Set([...told.documents, news.document.id])] };
    case "remiss":
      return { ...told, remisser: [...new Set([...told.remisser, news.remiss.id])], deadlines: { ...told.deadlines, [news.remiss.id]: news.remiss.deadline } };
    case "deadline":
      return { ...told, deadlines: { ...told.deadlines, [news.remiss.id]: news.to } };
    case "reportDueDate":
      return { ...told, deadlines: { ...told.deadlines, inquiry: news.to } };
  }
}
