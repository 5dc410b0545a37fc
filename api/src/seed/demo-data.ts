/**
 * Demo data from SmåKom's own material (../shared/DOMAIN.md), loaded on the first
 * start of a development database so that every query has something to show.
 */
import type { DataSource, EntityManager } from "typeorm";
import {
  DocumentKind, GoalStatus, InquiryStatus, MemberInputStatus, Municipality, RemissStatus, ResponseKind, ResponseStance, ResponseStatus, Role,
} from "@remissbanken/schema";
import { addDays, stockholmDate } from "../common/dates.js";
import { createDemoUsers } from "../auth/demo-users.js";
import {
  buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUser, type GoalDraft,
} from "./builders.js";
import { replaceLinks } from "../common/crud.js";
import { extractDocumentText, storeDocumentText } from "../document/document-text.service.js";
import { EXERCISE_DEMO_TEXT, SOU_2011_59_DEMO_TEXT } from "./demo-texts.js";

const MUNICIPALITIES: [string, string][] = [
  ["Forshaga", "Värmlands län"],
  ["Tidaholm", "Västra Götalands län"],
  ["Mullsjö", "Jönköpings län"],
  ["Tibro", "Västra Götalands län"],
  ["Karlsborg", "Västra Götalands län"],
  ["Hjo", "Västra Götalands län"],
  ["Habo", "Jönköpings län"],
  ["Hultsfred", "Kalmar län"],
  ["Krokom", "Jämtlands län"],
];

const PRIORITY_AREAS_2021: [string, string, string[]][] = [
  [
    "Bostadsförsörjning",
    "Bostadsförsörjning i små kommuner, inklusive social dumpning och strandskydd.",
    [
      "Bevaka statliga utredningar som påverkar kommunernas möjligheter/hinder för byggande",
      "Verka för ett differentierat strandskydd som gynnar landsbygdsutveckling",
      "Motverka social dumpning mellan kommuner",
    ],
  ],
  ["Finansiering för tillväxt", "Finansiering av kommunal verksamhet och investeringar för tillväxt.", ["Verka för ett kostnadsutjämningssystem som tar hänsyn till små kommuners villkor"]],
  ["Bredbandsutbyggnad", "Snabbt bredband i hela landet.", ["Verka för statlig finansiering av bredbandsutbyggnaden på landsbygden"]],
  ["Agenda 2030", "De globala målen i små kommuners arbete.", ["Sprida goda exempel på hållbarhetsarbete bland medlemmarna"]],
  ["Infrastruktur", "Vägar, vatten och avlopp (VA).", ["Bevaka statens ansvar för det finmaskiga vägnätet", "Verka för stöd till VA-investeringar"]],
  ["Arbetsmarknaden", "Arbetsförmedlingens närvaro och uppdrag i små kommuner.", ["Bevaka reformeringen av Arbetsförmedlingen"]],
];

/**
 * The same subjects decided again for the current year, so the yearly report (and its chart)
 * has something to show on a fresh start: goals in every state, a few with a comment.
 */
const GOALS_THIS_YEAR: Record<string, GoalDraft[]> = {
  "Bostadsförsörjning": [
    { text: "Bevaka statliga utredningar som påverkar kommunernas möjligheter/hinder för byggande", status: GoalStatus.IN_PROGRESS },
    { text: "Verka för ett differentierat strandskydd som gynnar landsbygdsutveckling", status: GoalStatus.ACHIEVED, comment: "Ställningstagandet är antaget av styrelsen och har lyfts i flera remissvar." },
  ],
  "Finansiering för tillväxt": [
    { text: "Verka för ett kostnadsutjämningssystem som tar hänsyn till små kommuners villkor", status: GoalStatus.IN_PROGRESS },
    { text: "Samla medlemmarnas erfarenheter av kommunsamverkan inför remissvaret", status: GoalStatus.IN_PROGRESS, comment: "Synpunkter har kommit in från medlemskommunerna." },
  ],
  "Bredbandsutbyggnad": [
    { text: "Verka för statlig finansiering av bredbandsutbyggnaden på landsbygden", status: GoalStatus.NOT_ACHIEVED, comment: "Inga nya statliga medel under året." },
  ],
  "Agenda 2030": [
    { text: "Sprida goda exempel på hållbarhetsarbete bland medlemmarna", status: GoalStatus.ACHIEVED, comment: "Fyra exempel har spridits i nyhetsbrevet." },
  ],
  "Infrastruktur": [
    { text: "Bevaka statens ansvar för det finmaskiga vägnätet", status: GoalStatus.IN_PROGRESS },
    { text: "Verka för stöd till VA-investeringar", status: GoalStatus.NOT_STARTED },
  ],
  "Arbetsmarknaden": [{ text: "Bevaka Arbetsförmedlingens närvaro i små kommuner", status: GoalStatus.NOT_STARTED }],
};

/** Loads the demo data unless the database already has data. Returns whether it did. */
export async function seedDemoData(ds: DataSource): Promise<boolean> {
  return ds.transaction(async (m) => {
    // Serialize concurrent first starts; the check and the load are one unit.
    await m.query("SELECT pg_advisory_xact_lock(7301989)");
    const [{ count }] = await m.query(`SELECT count(*)::int AS count FROM municipality`);
    if (count > 0) return false;
    await loadDemoData(m);
    return true;
  });
}

async function loadDemoData(m: EntityManager) {
  const municipalities: Municipality[] = [];
  for (const [name, county] of MUNICIPALITIES) {
    municipalities.push(await buildMunicipality(m, { name, county, memberSince: "1989-01-01" }));
  }

  const areas = new Map<string, string>();
  for (const [name, description, goals] of PRIORITY_AREAS_2021) {
    areas.set(name, (await buildPriorityArea(m, { name, year: 2021, description }, goals)).id);
  }
  const area = (name: string) => areas.get(name)!;
  const thisYear = Number(stockholmDate().slice(0, 4));
  const areasThisYear = new Map<string, string>();
  for (const [name, description] of PRIORITY_AREAS_2021) {
    areasThisYear.set(name, (await buildPriorityArea(m, { name, year: thisYear, description }, GOALS_THIS_YEAR[name])).id);
  }
  const areaThisYear = (name: string) => areasThisYear.get(name)!;

  // Demo users have published passwords (docs/security.md): never in production.
  const production = process.env.NODE_ENV === "production";
  const demoUsers = production ? [] : await createDemoUsers(m, municipalities[0].id);
  const staff = demoUsers.find((u) => u.role === Role.STAFF) ?? (await buildUser(m, { name: "Kansliet", email: "kansli@smakom.example", role: Role.STAFF }));
  const member = demoUsers.find((u) => u.role === Role.MEMBER);

  // Kommunutredningen and its report.
  const kommunutredningen = await buildInquiry(m, {
    name: "Kommunutredningen",
    committeeDesignation: "Fi 2017:02",
    department: "Finansdepartementet",
    status: InquiryStatus.CONCLUDED,
    reportDueDate: "2020-02-28",
    summary: "Utredningen om kommunernas förutsättningar att klara välfärdsuppdraget.",
  }, [area("Finansiering för tillväxt")]);
  const sou2020_8 = await buildDocument(m, {
    kind: DocumentKind.SOU,
    designation: "SOU 2020:8",
    year: 2020,
    title: "Starkare kommuner – med kapacitet att klara välfärdsuppdraget",
    department: "Finansdepartementet",
    publishedAt: "2020-02-18",
    inquiryId: kommunutredningen.id,
    summary: "Kommunutredningens slutbetänkande om kommunernas kapacitet, samarbete och sammanläggningar.",
  }, [area("Finansiering för tillväxt")]);

  // Strandskyddsutredningen: directive with a report due 2020-11-30.
  const strandskydd = await buildInquiry(m, {
    name: "Strandskyddsutredningen",
    committeeDesignation: "M 2019:02",
    department: "Miljödepartementet",
    status: InquiryStatus.CONCLUDED,
    reportDueDate: "2020-11-30",
    summary: "Utredningen ska lämna förslag till ett differentierat strandskydd.",
  }, [area("Bostadsförsörjning")]);
  await buildDocument(m, {
    kind: DocumentKind.DIRECTIVE,
    designation: "Dir. 2019:41",
    year: 2019,
    title: "Kommittédirektiv till Strandskyddsutredningen",
    department: "Miljödepartementet",
    publishedAt: "2019-07-04",
    inquiryId: strandskydd.id,
  }, [area("Bostadsförsörjning")]);

  const brott = await buildInquiry(m, {
    name: "Utredningen om kommunernas ansvar för brottsförebyggande arbete",
    department: "Justitiedepartementet",
    status: InquiryStatus.CONCLUDED,
  });
  await buildDocument(m, {
    kind: DocumentKind.DIRECTIVE,
    designation: "Dir. 2019:94",
    year: 2019,
    title: "Kommunernas ansvar för brottsförebyggande arbete",
    department: "Justitiedepartementet",
    publishedAt: "2019-12-19",
    inquiryId: brott.id,
  });

  const ekonomistyrning = await buildInquiry(m, {
    name: "Utredningen om en effektiv ekonomistyrning i kommuner och regioner",
    department: "Finansdepartementet",
    status: InquiryStatus.ONGOING,
  }, [area("Finansiering för tillväxt"), areaThisYear("Finansiering för tillväxt")]);
  await buildDocument(m, {
    kind: DocumentKind.DIRECTIVE,
    designation: "Dir. 2020:88",
    year: 2020,
    title: "En effektiv ekonomistyrning i kommuner och regioner",
    department: "Finansdepartementet",
    publishedAt: "2020-09-10",
    inquiryId: ekonomistyrning.id,
  }, [area("Finansiering för tillväxt")]);

  // Spara i goda tider: the remiss and SmåKom's response of 2012-01-12.
  const sou2011_59 = await buildDocument(m, {
    kind: DocumentKind.SOU,
    designation: "SOU 2011:59",
    year: 2011,
    title: "Spara i goda tider – för en stabil kommunal verksamhet",
    department: "Finansdepartementet",
    publishedAt: "2011-09-22",
    summary: "Förslag om resultatutjämningsreserver och en kommunstabiliseringsfond.",
  }, [area("Finansiering för tillväxt")]);
  await attachDemoText(m, sou2011_59.id, SOU_2011_59_DEMO_TEXT);
  const remiss2011 = await buildRemiss(m, {
    documentId: sou2011_59.id,
    diarienummer: "Fi2011/4105",
    ministry: "Finansdepartementet",
    deadline: "2012-01-16",
    memberInputDeadline: "2011-12-16",
    status: RemissStatus.SUBMITTED,
    ownerId: staff.id,
  });
  // The section numbers follow the shape of the report; the texts are written for the demo.
  const response2012 = await buildResponse(m, {
    kind: ResponseKind.RESPONSE,
    remissId: remiss2011.id,
    title: "Remissvar: Spara i goda tider (SOU 2011:59)",
    status: ResponseStatus.SUBMITTED,
    approvedAt: new Date("2012-01-10T12:00:00+01:00"),
    submittedAt: new Date("2012-01-12T12:00:00+01:00"),
    createdById: staff.id,
    letterDate: "2012-01-12",
    summary:
      "SmåKom tillstyrker att kommunerna får bygga upp resultatutjämningsreserver, men vill att reglerna blir enklare för kommuner med små överskott. SmåKom avstyrker förslaget om en statlig kommunstabiliseringsfond. Små kommuner behöver långsiktiga och förutsägbara statsbidrag snarare än en fond som staten förfogar över.",
    sections: [
      {
        number: "7",
        heading: "Resultatutjämningsreserver",
        stance: ResponseStance.SUPPORTS_WITH_CHANGES,
        body: "SmåKom välkomnar att kommunerna får spara överskott från goda år. Gränsen för när en reserv får byggas upp bör dock sänkas, annars kan få av de minsta kommunerna använda möjligheten.",
      },
      {
        number: "8",
        heading: "Kommunstabiliseringsfond",
        stance: ResponseStance.OPPOSES,
        body: "SmåKom säger nej till den föreslagna kommunstabiliseringsfonden. Förslaget skulle i praktiken minska det kommunala självstyret, och det är oklart hur fondens medel skulle fördelas mellan kommuner med olika förutsättningar.",
      },
      {
        number: "9",
        heading: "Ikraftträdande",
        stance: ResponseStance.NO_COMMENT,
        body: "",
      },
    ],
    signatory: "Styrelsen för SmåKom genom Anna Andersson, ordförande",
    presenter: "Kansliet, Erik Eriksson",
  });
  // Municipal finances: the subject the areas of later years call Finansiering för tillväxt.
  await replaceLinks(m, "response_priority_area", "response_id", response2012.id, "priority_area_id", [area("Finansiering för tillväxt")]);

  // Real remisser from regeringen.se (their deadlines have passed).
  const ds2026_15 = await buildDocument(m, {
    kind: DocumentKind.DS,
    designation: "Ds 2026:15",
    year: 2026,
    title: "Gäldenärens avtal i konkurs",
    department: "Justitiedepartementet",
    publishedAt: "2026-07-01",
  });
  await buildRemiss(m, { documentId: ds2026_15.id, ministry: "Justitiedepartementet", deadline: "2026-10-30", status: RemissStatus.DECLINED });
  const sou2026_14 = await buildDocument(m, {
    kind: DocumentKind.SOU,
    designation: "SOU 2026:14",
    year: 2026,
    title: "Ädelmetallutredningen – en moderniserad reglering av handel med ädelmetallarbeten",
    department: "Klimat- och näringslivsdepartementet",
    publishedAt: "2026-03-15",
  });
  await buildRemiss(m, { documentId: sou2026_14.id, diarienummer: "KN2026/00741", ministry: "Klimat- och näringslivsdepartementet", deadline: "2026-06-30", status: RemissStatus.DECLINED });

  // An exercise remiss whose deadlines follow the date of the first start, to try deadlines and member input.
  const today = stockholmDate();
  const exercise = await buildDocument(m, {
    kind: DocumentKind.OTHER,
    designation: null,
    year: null,
    title: "Övningsremiss (demodata): Starkare kommuner – uppföljning",
    department: "Finansdepartementet",
    publishedAt: today,
  }, [area("Finansiering för tillväxt"), areaThisYear("Finansiering för tillväxt")]);
  await attachDemoText(m, exercise.id, EXERCISE_DEMO_TEXT);
  const exerciseRemiss = await buildRemiss(m, {
    documentId: exercise.id,
    ministry: "Finansdepartementet",
    referralBodies: ["Sveriges Kommuner och Regioner", "De små kommunernas samverkan", "Forshaga kommun"],
    smakomIsReferralBody: true,
    deadline: addDays(today, 45),
    memberInputDeadline: addDays(today, 20),
    status: RemissStatus.TO_ANSWER,
    ownerId: staff.id,
    notes: "Demodata: fråga medlemmarna om erfarenheter av kommunsamverkan.",
  });
  const forshaga = municipalities[0];
  await buildMemberInput(m, {
    remissId: exerciseRemiss.id,
    municipalityId: forshaga.id,
    authorId: member?.id ?? null,
    status: MemberInputStatus.SUBMITTED,
    text: "Forshaga ser positivt på stöd till samverkan men vill inte se tvingande sammanläggningar.",
  });
  await buildResponse(m, {
    kind: ResponseKind.POSITION,
    remissId: null,
    title: "Ställningstagande: Strandskyddet ska differentieras",
    status: ResponseStatus.APPROVED,
    approvedAt: new Date("2021-03-01T12:00:00+01:00"),
    createdById: staff.id,
    sections: [{ heading: "Ställningstagande", body: "SmåKom anser att strandskyddet bör differentieras så att landsbygdskommuner kan bygga attraktiva boenden nära vatten." }],
  });
  void sou2020_8;
}

/** As attachDocumentText stores a text, so the demo text has headings and is searched passage by passage. */
async function attachDemoText(m: EntityManager, documentId: string, text: string) {
  await storeDocumentText(m, documentId, await extractDocumentText({ format: "text", text }));
}
