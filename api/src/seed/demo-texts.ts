/**
 * Short full texts for two demo documents, so that headings, section texts and passage
 * search have something to show. They are WRITTEN FOR THE DEMO: they follow the shape of
 * the reports (title page, table of contents, numbered chapters) but are not their text.
 * Pages are separated by form feeds, as the stored text keeps them.
 */

const DEMO_NOTICE = "Demodata: texten är skriven för Remissbankens demo och är inte betänkandets verkliga text.";

/** Shaped like SOU 2011:59 Spara i goda tider; chapters 7–9 are those SmåKom's 2012 response answers. */
export const SOU_2011_59_DEMO_TEXT = [
  `Spara i goda tider\n– för en stabil kommunal verksamhet\n\nBetänkande av Utredningen om en kommunal stabiliseringsfond\n\nStockholm 2011\n\nSOU 2011:59\n\n${DEMO_NOTICE}`,
  [
    "Innehåll",
    "Sammanfattning .................................... 3",
    "1 Inledning ........................................ 3",
    "2 Kommunernas ekonomi ............................... 3",
    "7 Resultatutjämningsreserver ........................ 4",
    "7.1 Gällande regler ................................. 4",
    "7.2 Utredningens förslag ............................ 4",
    "8 Kommunstabiliseringsfond ........................... 5",
    "9 Ikraftträdande ..................................... 5",
  ].join("\n"),
  [
    "Sammanfattning",
    "Utredningen föreslår att kommunerna ska kunna reservera delar av överskott från goda år i en resultatutjämningsreserv och använda dem när skatteunderlaget växer långsamt. Utredningen föreslår också en statlig kommunstabiliseringsfond som ska dämpa konjunkturens påverkan på den kommunala verksamheten.",
    "1 Inledning",
    "Utredningen har haft i uppdrag att analysera hur kommunernas ekonomi påverkas av konjunktursvängningar och lämna förslag som gör det möjligt att spara i goda tider.",
    "2 Kommunernas ekonomi",
    "Kommunernas intäkter består främst av skatter och statsbidrag. När konjunkturen försämras minskar skatteunderlaget, medan behoven av ekonomiskt bistånd och omställning ökar. Små kommuner har ofta svårare att möta svängningarna eftersom marginalerna är mindre.",
  ].join("\n\n"),
  [
    "SOU 2011:59",
    "7 Resultatutjämningsreserver",
    "Utredningen föreslår att kommunerna i lag ges möjlighet att reservera delar av ett överskott i en resultatutjämningsreserv. Reserven ska kunna användas för att utjämna intäkter över en konjunkturcykel.",
    "7.1 Gällande regler",
    "Enligt kommunallagens krav på god ekonomisk hushållning ska budgeten upprättas så att intäkterna överstiger kostnaderna. Ett överskott kan i dag inte reserveras för att täcka underskott senare år.",
    "7.2 Utredningens förslag",
    "En kommun får reservera den del av årets resultat som överstiger en procent av skatteintäkter och generella statsbidrag. Reserven får användas när skatteunderlagets utveckling understiger det genomsnittliga värdet för de senaste tio åren.",
    "4",
  ].join("\n\n"),
  [
    "SOU 2011:59",
    "8 Kommunstabiliseringsfond",
    "Utredningen föreslår att en statlig kommunstabiliseringsfond inrättas. Staten avsätter medel till fonden i goda tider, och medlen betalas ut till kommunerna när skatteunderlaget växer långsamt. Fördelningen ska ske per invånare.",
    "9 Ikraftträdande",
    "Lagändringarna om resultatutjämningsreserver föreslås träda i kraft den 1 januari 2013. Förslaget om en kommunstabiliseringsfond bör beredas vidare inom Regeringskansliet.",
    "5",
  ].join("\n\n"),
].join("\f");

/** For the exercise remiss: a short report whose headings a response can start from. */
export const EXERCISE_DEMO_TEXT = [
  `Övningsremiss (demodata)\nStarkare kommuner – uppföljning\n\n${DEMO_NOTICE}`,
  ["Innehåll", "1 Inledning 2", "2 Kommunal samverkan 2", "2.1 Avtalssamverkan 2", "2.2 Gemensamma nämnder 3", "3 Stöd till små kommuner 3", "4 Ikraftträdande 3"].join("\n"),
  [
    "1 Inledning",
    "Uppföljningen beskriver hur kommunerna har utvecklat sin kapacitet sedan Kommunutredningen lämnade sitt betänkande.",
    "2 Kommunal samverkan",
    "Samverkan mellan kommuner är det vanligaste sättet för små kommuner att klara sina uppdrag.",
    "2.1 Avtalssamverkan",
    "Utredningen föreslår att kommuner ska få teckna avtal om att en kommun utför uppgifter åt en annan, även myndighetsutövning.",
  ].join("\n\n"),
  [
    "2.2 Gemensamma nämnder",
    "Reglerna om gemensamma nämnder föreslås bli enklare, så att fler än två kommuner kan dela en nämnd utan att bilda ett kommunalförbund.",
    "3 Stöd till små kommuner",
    "Staten bör ge riktat stöd till kommuner med svag kapacitet, i första hand genom ett kompetensstöd på länsstyrelserna.",
    "4 Ikraftträdande",
    "Ändringarna föreslås träda i kraft den 1 juli 2028.",
  ].join("\n\n"),
].join("\f");
