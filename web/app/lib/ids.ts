const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a URL's id can name a record: anything else is a page that does not exist (404), not a bad request. */
export const isId = (value: string | undefined): value is string => !!value && UUID.test(value);
