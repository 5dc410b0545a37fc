import type { OutgoingMail } from "./mailer.js";

/** The emails people get from Remissbanken, in Swedish like the rest of what they see. */
const FOOTER = "\n\nOm du inte väntade dig det här meddelandet kan du bortse från det.\n\nRemissbanken – SmåKom, De små kommunernas samverkan";

export function invitationMail(to: string, name: string, inviter: string, url: string): OutgoingMail {
  return {
    to,
    subject: "Inbjudan till Remissbanken",
    text:
      `Hej ${name}!\n\n${inviter} har bjudit in dig till Remissbanken, SmåKoms kunskapsbank om statliga utredningar och remisser.\n\n` +
      `Välj ditt lösenord här. Länken gäller i 7 dagar och kan bara användas en gång:\n${url}` +
      FOOTER,
  };
}

export function passwordResetMail(to: string, name: string, url: string): OutgoingMail {
  return {
    to,
    subject: "Återställ ditt lösenord i Remissbanken",
    text:
      `Hej ${name}!\n\nNågon (förhoppningsvis du) bad om att få återställa lösenordet till ditt konto i Remissbanken.\n\n` +
      `Välj ett nytt lösenord här. Länken gäller i en timme och kan bara användas en gång:\n${url}` +
      FOOTER,
  };
}

export function signInLinkMail(to: string, name: string, url: string): OutgoingMail {
  return {
    to,
    subject: "Din inloggningslänk till Remissbanken",
    text:
      `Hej ${name}!\n\nHär är länken för att logga in i Remissbanken. Den gäller i 15 minuter och kan bara användas en gång:\n${url}` +
      FOOTER,
  };
}
