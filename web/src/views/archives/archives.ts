// The archives pages' plain logic: the lists' URL schemas and queries, the bodies a form sends,
// the links to the export and the import, and the form checks. No DOM: unit-tested alone.
import type { FormRules } from 'element-plus';
import type { RouteLocationRaw } from 'vue-router';
import type { OutstandingWomanCreate, OutstandingWomenQuery, SocialOrganisationCreate, SocialOrganisationsQuery } from '@/api/archives';
import { queryField, type QueryField, type QuerySchema } from '@/components/useQueryState';
import { asRule, maxLength, required, type Check, type Translate } from '@/domain/form-rules';
import { normaliseIdNumber } from '@/domain/id-number';
import { checkIdNumber } from '@/views/person/rules';
import type { IsoDate } from '@/api/types';

export type ArchiveKind = 'outstanding-women' | 'social-organisations';

/** The first year an entry may name (the server refuses earlier ones: year_range). */
export const firstYear = 1949;

// ---- the lists, in the URL ----

export interface WomenFilters {
  q: string;
  within: number | null;
  year: number | null;
  sort: 'name' | 'honour' | 'year' | '';
  order: 'asc' | 'desc' | '';
  page: number;
}

/** A year in the URL: one the archive can hold (a stray number is dropped, not sent to be refused). */
const yearField: QueryField<number | null> = {
  fallback: () => null,
  parse: (raw) => (/^\d{4}$/.test(raw) && Number(raw) >= firstYear ? Number(raw) : undefined),
  format: (v) => (v === null ? '' : String(v)),
};

export const womenSortKeys = ['name', 'honour', 'year'] as const;

export const womenSchema: QuerySchema<WomenFilters> = {
  q: queryField.text(),
  within: queryField.id(),
  year: yearField,
  sort: queryField.oneOf(womenSortKeys, ''),
  order: queryField.oneOf(['asc', 'desc'] as const, ''),
  page: queryField.int(1),
};

export interface SocialFilters {
  q: string;
  within: number | null;
  kind: string;
  sort: 'name' | 'founded_on' | 'member_count' | '';
  order: 'asc' | 'desc' | '';
  page: number;
}

export const socialSortKeys = ['name', 'founded_on', 'member_count'] as const;

export const socialSchema: QuerySchema<SocialFilters> = {
  q: queryField.text(),
  within: queryField.id(),
  kind: queryField.text(),
  sort: queryField.oneOf(socialSortKeys, ''),
  order: queryField.oneOf(['asc', 'desc'] as const, ''),
  page: queryField.int(1),
};

/** The filters the list and its export share (blank ones left out). */
export function womenFilterQuery(s: WomenFilters): Pick<OutstandingWomenQuery, 'within' | 'q' | 'year'> {
  return { within: s.within ?? undefined, q: s.q.trim() || undefined, year: s.year ?? undefined };
}

export function socialFilterQuery(s: SocialFilters): Pick<SocialOrganisationsQuery, 'within' | 'q' | 'kind'> {
  return { within: s.within ?? undefined, q: s.q.trim() || undefined, kind: s.kind.trim() || undefined };
}

export function womenQuery(s: WomenFilters, pageSize: number): OutstandingWomenQuery {
  return { ...womenFilterQuery(s), sort: s.sort || undefined, order: s.order || undefined, page: s.page, page_size: pageSize };
}

export function socialQuery(s: SocialFilters, pageSize: number): SocialOrganisationsQuery {
  return { ...socialFilterQuery(s), sort: s.sort || undefined, order: s.order || undefined, page: s.page, page_size: pageSize };
}

/** The import page for this archive, into the body the list shows. */
export function importRoute(kind: ArchiveKind, within: number | null): RouteLocationRaw {
  return { path: '/import', query: within === null ? { kind } : { kind, within: String(within) } };
}

/** The years a filter or form offers: this year back to 1949, newest first. */
export function yearOptions(thisYear: number): number[] {
  return Array.from({ length: Math.max(0, thisYear - firstYear + 1) }, (_, i) => thisYear - i);
}

/** Kinds often used for women's social organisations; she may type another. */
export const commonKinds = ['巾帼志愿服务类', '妇女儿童服务类', '妇女维权类', '女性专业人士类', '妇女互助合作类', '女性联谊类'] as const;

// ---- the forms ----

/** Trimmed text, or null when blank (the server stores blank as absent). */
export function optionalText(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

export type PersonMode = 'pick' | 'id_number';

export interface WomanForm {
  mode: PersonMode;
  person_id: number | null;
  id_number: string;
  organisation_id: number | null;
  honour: string;
  field: string;
  year: number | null;
  notes: string;
}

export function womanCreateBody(f: WomanForm): OutstandingWomanCreate {
  const who = f.mode === 'pick' ? { person_id: f.person_id ?? undefined } : { id_number: normaliseIdNumber(f.id_number) };
  return { ...who, organisation_id: f.organisation_id ?? 0, honour: f.honour.trim(), field: optionalText(f.field), year: f.year, notes: optionalText(f.notes) };
}

/** An edit sends every editable field (null clears one); the person never changes. */
export function womanPatchBody(f: WomanForm): Omit<OutstandingWomanCreate, 'person_id' | 'id_number'> {
  const { person_id: _p, id_number: _i, ...rest } = womanCreateBody(f);
  return rest;
}

export interface SocialForm {
  organisation_id: number | null;
  name: string;
  kind: string;
  field: string;
  head_name: string;
  member_count: number | null;
  contact: string;
  founded_on: IsoDate | '';
  notes: string;
}

export function socialBody(f: SocialForm): SocialOrganisationCreate {
  return {
    organisation_id: f.organisation_id ?? 0,
    name: f.name.trim(),
    kind: optionalText(f.kind),
    field: optionalText(f.field),
    head_name: optionalText(f.head_name),
    member_count: f.member_count,
    contact: optionalText(f.contact),
    founded_on: f.founded_on === '' ? null : f.founded_on,
    notes: optionalText(f.notes),
  };
}

// Limits as server/src/domain/archive.cpp applies them.
export const limits = { honour: 100, name: 100, kind: 50, field: 50, head_name: 50, notes: 1000 } as const;

function both<T>(...checks: Check<T>[]): Check<T> {
  return (value) => checks.reduce<ReturnType<Check<T>>>((found, c) => found ?? c(value), null);
}

const pickedPerson: Check<number | null> = (value) => (value === null ? { key: 'archives.woman.personRequired' } : null);

/** The outstanding woman's form checks; the person only when a new entry is added. */
export function womanRules(translate: Translate, today: IsoDate, mode: PersonMode | null): FormRules {
  const rules: FormRules = {
    organisation_id: [asRule<number | null>((v) => (v === null ? { key: 'archives.organisationRequired' } : null), translate, 'change')],
    honour: [asRule(both(required('archives.woman.honour', translate), maxLength(limits.honour)), translate)],
    field: [asRule(maxLength(limits.field), translate)],
    notes: [asRule(maxLength(limits.notes), translate)],
  };
  if (mode === 'pick') rules.person_id = [asRule(pickedPerson, translate, 'change')];
  if (mode === 'id_number') rules.id_number = [asRule(checkIdNumber(today), translate)];
  return rules;
}

/**
 * The social organisation's form checks. The contact number is left to the server, which reads
 * a mobile number or a landline in the many ways clerks write them (contact_format on the field).
 */
export function socialRules(translate: Translate): FormRules {
  return {
    organisation_id: [asRule<number | null>((v) => (v === null ? { key: 'archives.organisationRequired' } : null), translate, 'change')],
    name: [asRule(both(required('archives.social.name', translate), maxLength(limits.name)), translate)],
    kind: [asRule(maxLength(limits.kind), translate, 'change')],
    field: [asRule(maxLength(limits.field), translate)],
    head_name: [asRule(maxLength(limits.head_name), translate)],
    notes: [asRule(maxLength(limits.notes), translate)],
  };
}
