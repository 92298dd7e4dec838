import { describe, expect, it } from 'vitest';
import { exportUrl } from '@/api/archives';
import { formatQuery, parseQuery } from '@/components/useQueryState';
import {
  importRoute, optionalText, socialBody, socialFilterQuery, socialQuery, socialSchema, womanCreateBody, womanPatchBody, womenFilterQuery, womenQuery,
  socialRules, womanRules, womenSchema, yearOptions, type SocialForm, type WomanForm,
} from './archives';
import type { FormItemRule, FormRules } from 'element-plus';

const translate = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);

/** What a form rule says of a value: its message, or null when the value passes. */
function verdict(rules: FormRules, field: string, value: unknown): string | null {
  const rule = ([] as FormItemRule[]).concat(rules[field] ?? [])[0];
  let message: string | null = null;
  void rule?.validator?.(rule, value, (error?: string | Error) => {
    message = error ? String(error instanceof Error ? error.message : error) : null;
  }, {}, {});
  return message;
}

const woman: WomanForm = {
  mode: 'pick', person_id: 7, id_number: '', organisation_id: 3, honour: ' 三八红旗手 ', field: '  ', year: 2020, notes: '',
};

const social: SocialForm = {
  organisation_id: 4, name: ' 巾帼志愿服务队 ', kind: '', field: '助老', head_name: ' 李红 ', member_count: 0, contact: ' 139 0451 0000 ', founded_on: '', notes: '',
};

describe('archive lists in the URL', () => {
  it('reads the outstanding women filters from the query and leaves defaults out of it', () => {
    const s = parseQuery(womenSchema, { q: '王', within: '12', year: '2021', sort: 'year', order: 'desc', page: '2' });
    expect(s).toEqual({ q: '王', within: 12, year: 2021, sort: 'year', order: 'desc', page: 2 });
    expect(formatQuery(womenSchema, { ...s, q: '', within: null, year: null, sort: '', order: '', page: 1 })).toEqual({});
    expect(parseQuery(womenSchema, { year: 'soon', sort: 'id_number' })).toMatchObject({ year: null, sort: '' });
    expect(parseQuery(womenSchema, { year: '1900' }).year).toBeNull();
    expect(parseQuery(womenSchema, { year: '1949' }).year).toBe(1949);
  });

  it('asks the server for the page with only the filters she set', () => {
    const s = parseQuery(womenSchema, { q: ' 李 ', page: '3' });
    expect(womenQuery(s, 20)).toEqual({ q: '李', within: undefined, year: undefined, sort: undefined, order: undefined, page: 3, page_size: 20 });
    const o = parseQuery(socialSchema, { kind: '巾帼志愿服务类', within: '5', sort: 'member_count', order: 'asc' });
    expect(socialQuery(o, 20)).toEqual({ q: undefined, within: 5, kind: '巾帼志愿服务类', sort: 'member_count', order: 'asc', page: 1, page_size: 20 });
  });

  it('exports what the list shows, without paging or sort', () => {
    const s = parseQuery(womenSchema, { q: '王', within: '12', year: '2021', page: '4', sort: 'name' });
    expect(exportUrl('outstanding-women', { ...womenFilterQuery(s) })).toBe(`/api/archives/outstanding-women.xlsx?within=12&q=${encodeURIComponent('王')}&year=2021`);
    const o = parseQuery(socialSchema, {});
    expect(exportUrl('social-organisations', { ...socialFilterQuery(o) })).toBe('/api/archives/social-organisations.xlsx');
  });

  it('links the import page to the same archive and body', () => {
    expect(importRoute('outstanding-women', 12)).toEqual({ path: '/import', query: { kind: 'outstanding-women', within: '12' } });
    expect(importRoute('social-organisations', null)).toEqual({ path: '/import', query: { kind: 'social-organisations' } });
  });

  it('offers the years from this one back to 1949', () => {
    const years = yearOptions(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(1949);
    expect(years).toHaveLength(78);
  });
});

describe('archive forms', () => {
  it('sends blank optional text as null, trimmed text otherwise', () => {
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' 备注 ')).toBe('备注');
  });

  it('names a picked person by id, or any registered woman by her full ID number', () => {
    expect(womanCreateBody(woman)).toEqual({ person_id: 7, organisation_id: 3, honour: '三八红旗手', field: null, year: 2020, notes: null });
    const byNumber = womanCreateBody({ ...woman, mode: 'id_number', id_number: ' 23010219850101002x ' });
    expect(byNumber).toMatchObject({ id_number: '23010219850101002X' });
    expect(byNumber).not.toHaveProperty('person_id');
  });

  it('never sends the person when an entry is corrected, and clears a field left blank', () => {
    const patch = womanPatchBody({ ...woman, year: null });
    expect(patch).toEqual({ organisation_id: 3, honour: '三八红旗手', field: null, year: null, notes: null });
  });

  it('sends a social organisation with its blanks as null and a member count of 0 kept', () => {
    expect(socialBody(social)).toEqual({
      organisation_id: 4, name: '巾帼志愿服务队', kind: null, field: '助老', head_name: '李红', member_count: 0, contact: '139 0451 0000', founded_on: null, notes: null,
    });
    expect(socialBody({ ...social, founded_on: '2019-03-08', member_count: null })).toMatchObject({ founded_on: '2019-03-08', member_count: null });
  });
});

describe('archive form checks', () => {
  it('asks for a person when she picks one, and checks a typed ID number as the server does', () => {
    const pick = womanRules(translate, '2026-11-30', 'pick');
    expect(verdict(pick, 'person_id', null)).toBe('archives.woman.personRequired');
    expect(verdict(pick, 'person_id', 7)).toBeNull();
    expect(pick.id_number).toBeUndefined();
    const typed = womanRules(translate, '2026-11-30', 'id_number');
    expect(verdict(typed, 'id_number', '230102198501010021')).toBe('rules.id_number.id_number_checksum');
    expect(typed.person_id).toBeUndefined();
    expect(womanRules(translate, '2026-11-30', null).person_id).toBeUndefined();
  });

  it('needs an honour of at most 100 characters and a body', () => {
    const rules = womanRules(translate, '2026-11-30', null);
    expect(verdict(rules, 'honour', '  ')).toContain('rules.required');
    expect(verdict(rules, 'honour', '红'.repeat(101))).toBe('rules.textTooLong {"max":100}');
    expect(verdict(rules, 'organisation_id', null)).toBe('archives.organisationRequired');
  });

  it('leaves the contact number to the server, which reads the ways clerks write it', () => {
    const rules = socialRules(translate);
    expect(rules.contact).toBeUndefined();
    expect(verdict(rules, 'name', '')).toContain('rules.required');
    expect(verdict(rules, 'kind', '类'.repeat(51))).toBe('rules.textTooLong {"max":50}');
  });
});
