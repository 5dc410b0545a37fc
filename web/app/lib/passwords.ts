/**
 * The API's password rules (api/src/auth/passwords.ts), shown next to every new-password
 * field and checked before the form reaches the API, so people learn them up front.
 */
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const PASSWORD_RULES = `Minst ${PASSWORD_MIN_LENGTH} tecken. En lång fras av flera ord är både säker och lätt att minnas.`;

/** A new password typed twice: `password` and `confirm`. */
export const newPasswordFields = {
  password: z
    .string()
    .min(1, "Välj ett lösenord.")
    .min(PASSWORD_MIN_LENGTH, `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`)
    .max(PASSWORD_MAX_LENGTH, `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`),
  confirm: z.string().min(1, "Skriv lösenordet en gång till."),
};

export const NewPasswordForm = z
  .object(newPasswordFields)
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: "Lösenorden är inte likadana. Skriv samma lösenord två gånger." });
