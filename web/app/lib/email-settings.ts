/** The choices of the settings page's "E-post" section, as the form posts them and people read them. */
import { z } from "zod";

export interface EmailKindText {
  label: string;
  /** One line on what the mail is and when it comes. */
  explanation: string;
}

/** Swedish names and explanations of the API's kinds of email (NotificationKind), in the page's order. */
export const EMAIL_KINDS: Record<string, EmailKindText> = {
  deadlineReminder: {
    label: "Påminnelser om sista svarsdag",
    explanation: "14, 7 och 1 dag före sista svarsdagen för remisser du är ansvarig för, tills SmåKoms remissvar är inskickat.",
  },
  weeklyDigest: {
    label: "Veckobrev",
    explanation: "Varje måndag: nya dokument, sista dagar de kommande tre veckorna och synpunkter som kommit in.",
  },
  inputArrived: {
    label: "Nya synpunkter från medlemskommuner",
    explanation: "När en medlemskommun skickar eller ändrar synpunkter på en remiss du är ansvarig för.",
  },
  inputReminder: {
    label: "Påminnelser om synpunkter",
    explanation: "3 dagar och 1 dag före sista dagen för synpunkter, om din kommun inte har skickat några.",
  },
  inputRequested: {
    label: "Förfrågningar om synpunkter",
    explanation: "När SmåKoms kansli ber medlemskommunerna om synpunkter på en remiss.",
  },
  inputReceipt: {
    label: "Kvitton på skickade synpunkter",
    explanation: "När du skickar eller ändrar synpunkter till SmåKom: vad som skickades, när och av vem.",
  },
  savedSearch: {
    label: "Sparade sökningar",
    explanation: "Nya och ändrade träffar i sökningar du har sparat; hur ofta väljer du för varje sökning.",
  },
  follow: {
    label: "Utredningar du följer",
    explanation: "Nya dokument, nya remisser och ändrade datum i utredningar du följer.",
  },
};

export const emailKindText = (kind: string): EmailKindText => EMAIL_KINDS[kind] ?? { label: kind, explanation: "" };

const EmailSettingsForm = z.object({
  /** Every kind the page showed; a shown kind that is not ticked is turned off. */
  kinds: z.array(z.string().max(50)).max(20),
  on: z.array(z.string().max(50)).max(20),
  /** Present when the page showed the digest's priority areas. */
  areasShown: z.boolean(),
  areas: z.array(z.string().max(100)).max(100),
});

/**
 * The form's checkboxes as the mutation's arguments: an unticked box posts nothing, so the
 * page lists the kinds it showed in hidden fields. Null when the form was not this page's.
 */
export function emailSettingsFromForm(form: FormData): { settings: { kind: string; enabled: boolean }[]; digestPriorityAreaIds: string[] | null } | null {
  const parsed = EmailSettingsForm.safeParse({
    kinds: form.getAll("kinds").map(String),
    on: form.getAll("on").map(String),
    areasShown: form.has("areasShown"),
    areas: form.getAll("area").map(String),
  });
  if (!parsed.success) return null;
  const on = new Set(parsed.data.on);
  return {
    settings: [...new Set(parsed.data.kinds)].map((kind) => ({ kind, enabled: on.has(kind) })),
    digestPriorityAreaIds: parsed.data.areasShown ? parsed.data.areas : null,
  };
}
