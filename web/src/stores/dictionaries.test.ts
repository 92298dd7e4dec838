import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { DictionaryEntry } from '@/api/types';
import { i18n } from '@/i18n';
import { activeEntries, entryLabel, rolesForBodyType, useDictionaryStore } from './dictionaries';

function entry(code: string, label: string, extra: Partial<DictionaryEntry> = {}): DictionaryEntry {
  return { code, label, label_en: `${code}-en`, short_label: null, sort_order: 0, active: true, body_types: null, ...extra };
}

const roles = [
  entry('member', '委员', { sort_order: 70, body_types: ['village_congress'] }),
  entry('chair', '主席', { sort_order: 10, body_types: ['township', 'village'] }),
  entry('director', '主任', { sort_order: 50, body_types: ['village_congress'] }),
  entry('old', '旧职务', { sort_order: 5, active: false }),
];

describe('dictionary helpers', () => {
  it('orders active entries', () => {
    expect(activeEntries(roles).map((r) => r.code)).toEqual(['chair', 'director', 'member']);
  });

  it('limits roles to the body type', () => {
    expect(rolesForBodyType(roles, 'village_congress').map((r) => r.code)).toEqual(['director', 'member']);
    expect(rolesForBodyType(roles, 'township').map((r) => r.code)).toEqual(['chair']);
  });

  it('picks the label by language and the short form where asked', () => {
    const e = entry('02', '中国共产党预备党员', { short_label: '中共预备党员', label_en: 'Probationary member' });
    expect(entryLabel(e, 'zh-CN')).toBe('中国共产党预备党员');
    expect(entryLabel(e, 'zh-CN', true)).toBe('中共预备党员');
    expect(entryLabel(e, 'en', true)).toBe('Probationary member');
  });
});

describe('useDictionaryStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('labels codes in the current language, falling back to the server label', () => {
    const store = useDictionaryStore();
    store.lists = { role: roles, manner: [], source: [], ethnicity: [], political_status: [], education: [] };
    i18n.global.locale.value = 'zh-CN';
    expect(store.label('role', 'member')).toBe('委员');
    expect(store.label('role', 'unknown', '未知')).toBe('未知');
    expect(store.label('role', null)).toBe('');
    i18n.global.locale.value = 'en';
    expect(store.label('role', 'member')).toBe('member-en');
    expect(store.rolesFor('village_congress')).toEqual([
      { value: 'director', label: 'director-en' },
      { value: 'member', label: 'member-en' },
    ]);
    i18n.global.locale.value = 'zh-CN';
  });
});
