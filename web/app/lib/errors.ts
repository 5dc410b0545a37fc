/**
 * The API's error codes and reasons as Swedish messages for people (the API's own
 * messages are English and meant for developers).
 */
export const REASON_MESSAGES: Record<string, string> = {
  INVALID_INPUT: "Några uppgifter behöver rättas.",
  INVALID_DESIGNATION: "Beteckningen har fel form. Skriv till exempel SOU 2020:8, Dir. 2019:41 eller Ds 2021:12.",
  DESIGNATION_KIND_MISMATCH: "Beteckningen hör till en annan dokumentserie än den valda dokumenttypen.",
  DUPLICATE: "Det finns redan en post med samma uppgifter.",
  MEMBER_DEADLINE_AFTER_DEADLINE: "Sista dag för medlemmarnas synpunkter måste ligga före remissens sista svarsdag.",
  DEADLINE_PASSED: "Sista dagen har passerat. Det går inte längre att ändra.",
  DUPLICATE_SECTION_NUMBER: "Samma avsnittsnummer används i flera avsnitt. Varje avsnitt i betänkandet besvaras en gång.",
  STALE_VERSION: "Någon annan har ändrat detta under tiden. Ladda om sidan och gör ändringen igen.",
  INVALID_TRANSITION: "Det går inte att göra så i det här läget.",
  ARCHIVED: "Posten är arkiverad.",
  IN_USE: "Posten används och kan inte tas bort.",
  NOT_FOUND: "Det du söker finns inte, eller så har du inte behörighet att se det.",
  FORBIDDEN: "Du har inte behörighet att göra detta.",
  UNAUTHENTICATED: "Du behöver logga in.",
  INVALID_CREDENTIALS: "Fel e-postadress eller lösenord.",
  INVALID_LINK: "Länken är ogiltig, har redan använts eller har gått ut. Be om en ny länk.",
  RATE_LIMITED: "För många försök. Vänta en stund och försök igen.",
  SOURCE_NOT_ALLOWED: "Det går bara att lägga till remisser från regeringen.se. Klistra in adressen till remissens sida, den börjar med https://www.regeringen.se/remisser/.",
  NOT_A_REMISS_PAGE: "Sidan kunde inte läsas in som en remiss. Kontrollera att adressen går till remissens sida på regeringen.se och att sidan finns.",
  SOURCE_UNAVAILABLE: "Regeringen.se svarar inte just nu. Försök igen om en stund.",
  UNKNOWN_NOTIFICATION_KIND: "Det finns ingen sådan sorts e-post. Ladda om sidan och välj igen.",
  NOTIFICATION_KIND_NOT_FOR_ROLE: "Den sortens e-post skickas inte till din roll. Ladda om sidan och välj igen.",
  QUESTION_ANSWERED: "En fråga som medlemmarna redan har svarat på kan inte tas bort. Formulera om den i stället, så följer svaren med.",
  NO_INPUT_REQUEST: "Synpunkterna skrevs som fritext innan kansliet ställde frågor. Ändra dem som fritext.",
  TOO_MANY_SAVED_SEARCHES: "Du har redan så många sparade sökningar som går. Ta bort någon under Inställningar › Bevakningar först.",
  UNKNOWN_FILTER: "Sökningen har ett filter som inte finns längre. Ta bort filtret och spara igen.",
};

export const CODE_MESSAGES: Record<string, string> = {
  BAD_USER_INPUT: "Några uppgifter behöver rättas.",
  UNAUTHENTICATED: "Du behöver logga in.",
  FORBIDDEN: "Du har inte behörighet att göra detta.",
  NOT_FOUND: "Det du söker finns inte, eller så har du inte behörighet att se det.",
  CONFLICT: "Någon annan har ändrat detta under tiden. Ladda om sidan och försök igen.",
  TOO_MANY_REQUESTS: "För många försök. Vänta en stund och försök igen.",
  PAYLOAD_TOO_LARGE: "Texten är för lång.",
  SERVICE_UNAVAILABLE: "Remissbanken är inte nåbar just nu. Försök igen om en stund.",
};

const FALLBACK = "Något gick fel. Försök igen om en stund.";

/** One Swedish message for an API error's code and reason. */
export function messageFor(code: string | undefined, reason?: string): string {
  return (reason && REASON_MESSAGES[reason]) || (code && CODE_MESSAGES[code]) || FALLBACK;
}

/** Swedish titles and texts of the error pages, per HTTP status. */
export function statusMessage(status: number): { title: string; text: string } {
  switch (status) {
    case 400:
      return { title: "Felaktig förfrågan", text: "Adressen eller formuläret innehöll något som inte kunde tolkas." };
    case 401:
      return { title: "Logga in", text: "Du behöver logga in för att se den här sidan." };
    case 403:
      return { title: "Ingen behörighet", text: "Du har inte behörighet att se den här sidan." };
    case 404:
      return { title: "Sidan finns inte", text: "Det du söker finns inte, eller så har du inte behörighet att se det." };
    case 409:
      return { title: "Ändrat av någon annan", text: "Någon annan har ändrat detta under tiden. Ladda om sidan och försök igen." };
    case 429:
      return { title: "För många försök", text: "Vänta en stund och försök igen." };
    case 503:
      return { title: "Tillfälligt otillgänglig", text: "Remissbanken är inte nåbar just nu. Försök igen om en stund." };
    default:
      return { title: "Något gick fel", text: "Ett oväntat fel inträffade. Försök igen om en stund." };
  }
}
