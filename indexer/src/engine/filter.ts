const builderOnly = Symbol("filter");

/** A Meilisearch filter expression; only a FilterBuilder can make one, so callers never hand-write filter strings. */
export class Filter {
  readonly expression: string;

  constructor(key: typeof builderOnly, expression: string) {
    if (key !== builderOnly) throw new TypeError("Build filters with filterBuilder()");
    this.expression = expression;
  }

  toString(): string {
    return this.expression;
  }
}

export type FilterValue = string | number | boolean;

export interface FilterBuilder<A extends string> {
  eq(attribute: A, value: FilterValue): Filter;
  ne(attribute: A, value: FilterValue): Filter;
  /** An empty list matches nothing. */
  in(attribute: A, values: readonly FilterValue[]): Filter;
  gt(attribute: A, value: number): Filter;
  gte(attribute: A, value: number): Filter;
  lt(attribute: A, value: number): Filter;
  lte(attribute: A, value: number): Filter;
  /** Inclusive at both ends. */
  between(attribute: A, from: number, to: number): Filter;
  exists(attribute: A): Filter;
  isNull(attribute: A): Filter;
  not(filter: Filter): Filter;
  /** Skips missing parts, so optional conditions compose; undefined when no part is left (no condition). */
  and(...filters: Array<Filter | undefined | false>): Filter | undefined;
  or(first: Filter, ...rest: Filter[]): Filter;
}

const ATTRIBUTE_NAME = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** Builds filters over a fixed set of filterable attributes. */
export function filterBuilder<const A extends string>(attributes: readonly A[]): FilterBuilder<A> {
  for (const name of attributes) {
    if (!ATTRIBUTE_NAME.test(name)) throw new TypeError(`Invalid filter attribute name: ${name}`);
  }
  const allowed = new Set<string>(attributes);
  const attr = (name: A): string => {
    if (!allowed.has(name)) throw new TypeError(`Attribute is not filterable: ${name}`);
    return name;
  };
  const make = (expression: string) => new Filter(builderOnly, expression);
  const compare = (operator: string) => (name: A, value: number) => make(`${attr(name)} ${operator} ${number(value)}`);
  const join = (operator: "AND" | "OR", filters: Filter[]) =>
    filters.length === 1 ? filters[0] : make(filters.map((filter) => `(${filter.expression})`).join(` ${operator} `));

  return {
    eq: (name, value) => make(`${attr(name)} = ${literal(value)}`),
    ne: (name, value) => make(`${attr(name)} != ${literal(value)}`),
    in: (name, values) => make(`${attr(name)} IN [${values.map(literal).join(", ")}]`),
    gt: compare(">"),
    gte: compare(">="),
    lt: compare("<"),
    lte: compare("<="),
    between: (name, from, to) => make(`${attr(name)} ${number(from)} TO ${number(to)}`),
    exists: (name) => make(`${attr(name)} EXISTS`),
    isNull: (name) => make(`${attr(name)} IS NULL`),
    not: (filter) => make(`NOT (${filter.expression})`),
    and: (...filters) => {
      const parts = filters.filter((filter): filter is Filter => filter instanceof Filter);
      return parts.length ? join("AND", parts) : undefined;
    },
    or: (...filters) => join("OR", filters),
  };
}

/** Every value is quoted, so words like OR, TO or EXISTS inside it stay data. */
function literal(value: FilterValue): string {
  if (typeof value === "number") return `"${number(value)}"`;
  if (typeof value === "boolean") return `"${value}"`;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`Filter value must be a finite number: ${value}`);
  return String(value);
}
