/**
 * "Lägg till remiss från länk": the address staff paste. Only its form is checked here;
 * which addresses may be fetched is the API's decision (it refuses all but regeringen.se).
 */
import { z } from "zod";

export const REMISS_ADDRESS_EXAMPLE = "https://www.regeringen.se/remisser/2026/04/remiss-av-…";

const isWebAddress = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

export const RemissFromUrlForm = z.object({
  adress: z
    .string({ error: "Klistra in adressen till remissen på regeringen.se." })
    .trim()
    .min(1, "Klistra in adressen till remissen på regeringen.se.")
    .max(2000, "Adressen är för lång för att vara en remiss på regeringen.se.")
    .refine(isWebAddress, `Det här är ingen webbadress. Klistra in hela adressen, till exempel ${REMISS_ADDRESS_EXAMPLE}`),
});

/** The API's field names in this form. */
export const REMISS_FROM_URL_FIELDS = { url: "adress" };
