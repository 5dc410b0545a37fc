import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";

/** A calendar date without time, "2020-11-30" (sista svarsdag, publication dates). */
export const LocalDate = LocalDateResolver;
/** An instant, ISO 8601 with time zone. */
export const DateTime = DateTimeISOResolver;
