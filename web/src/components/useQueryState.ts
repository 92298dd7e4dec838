// A list's state (scope, filters, date, sort, page) kept in the URL's query, so that Back,
// reload and a shared link return to the same view. The URL is the one source: a change is
// written to the URL (push: Back undoes it; replace: it refines the current entry), and the
// state follows the URL, so Back also updates the page. Values equal to their default are
// left out of the URL.
import { reactive, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';

/** How one field is read from and written to the query. */
export interface QueryField<T> {
  /** The value when the query lacks the key or holds something unreadable. */
  fallback: () => T;
  parse(raw: string): T | undefined;
  format(value: T): string;
}

export type QuerySchema<S> = { [K in keyof S]: QueryField<S[K]> };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const queryField = {
  text: (fallback = ''): QueryField<string> => ({ fallback: () => fallback, parse: (raw) => raw, format: (v) => v }),
  /** A positive whole number (a page, an id). */
  int: (fallback: number): QueryField<number> => ({
    fallback: () => fallback,
    parse: (raw) => (/^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined),
    format: String,
  }),
  /** An optional id: absent means null. */
  id: (): QueryField<number | null> => ({
    fallback: () => null,
    parse: (raw) => (/^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined),
    format: (v) => (v === null ? '' : String(v)),
  }),
  date: (fallback: () => string): QueryField<string> => ({
    fallback,
    parse: (raw) => (isoDate.test(raw) ? raw : undefined),
    format: (v) => v,
  }),
  /** One of a fixed list of codes ('' allowed as "any" when it is the fallback). */
  oneOf: <T extends string>(values: readonly T[], fallback: T | ''): QueryField<T | ''> => ({
    fallback: () => fallback,
    parse: (raw) => (values.includes(raw as T) ? (raw as T) : undefined),
    format: (v) => v,
  }),
};

function first(value: LocationQuery[string] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === null || v === undefined ? undefined : v;
}

/** The typed state a query describes (unknown or unreadable values fall back to defaults). */
export function parseQuery<S extends object>(schema: QuerySchema<S>, query: LocationQuery): S {
  const out = {} as S;
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const field = schema[key];
    const raw = first(query[key]);
    const parsed = raw === undefined ? undefined : field.parse(raw);
    out[key] = parsed === undefined ? field.fallback() : parsed;
  }
  return out;
}

/** The query of a state: only values that differ from their defaults, keys in schema order. */
export function formatQuery<S extends object>(schema: QuerySchema<S>, state: S): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const field = schema[key];
    const text = field.format(state[key]);
    if (text !== '' && text !== field.format(field.fallback())) out[key] = text;
  }
  return out;
}

export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * The state of a page's list, in the URL. `state` is what the controls bind to; `commit()`
 * writes it to the URL (a filter change goes back to page 1 unless `keepPage`); `onChange`
 * runs on the first call and whenever the URL's state changes (a commit, Back, a link).
 */
export function useQueryState<S extends object & { page?: number }>(schema: QuerySchema<S>, onChange: (state: S) => void) {
  const route = useRoute();
  const router = useRouter();
  const page = route.name;
  const state = reactive(parseQuery(schema, route.query)) as S;
  let applied = formatQuery(schema, state);

  function other(query: LocationQuery): LocationQueryRaw {
    return Object.fromEntries(Object.entries(query).filter(([k]) => !(k in schema)));
  }

  /** Writes the state to the URL. `push` (default) makes a history entry Back returns from. */
  function commit(options: { replace?: boolean; keepPage?: boolean } = {}): Promise<unknown> {
    if (!options.keepPage && 'page' in schema) (state as { page?: number }).page = 1;
    const formatted = formatQuery(schema, state);
    if (sameQuery(formatted, applied)) {
      onChange(state); // the same view asked for again (Search pressed twice): load it afresh
      return Promise.resolve();
    }
    const query = { ...other(route.query), ...formatted };
    return options.replace ? router.replace({ query }) : router.push({ query });
  }

  /** Sets some fields and commits them (e.g. a district bar clicked: within = its id). */
  function set(patch: Partial<S>, options: { replace?: boolean } = {}): Promise<unknown> {
    Object.assign(state, patch);
    return commit({ ...options, keepPage: 'page' in patch });
  }

  watch(
    () => route.query,
    (query) => {
      if (route.name !== page) return; // leaving for another page
      const next = parseQuery(schema, query);
      const formatted = formatQuery(schema, next);
      if (sameQuery(formatted, applied)) return;
      applied = formatted;
      Object.assign(state, next);
      onChange(state);
    },
  );
  onChange(state);

  return { state, commit, set };
}
