// The reference lists (roles, manners, sources, ethnicities …) loaded once and cached.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { dictionariesApi } from '@/api/dictionaries';
import type { BodyType, Dictionaries, DictionaryEntry, DictionaryKind } from '@/api/types';
import { i18n } from '@/i18n';

export function entryLabel(entry: DictionaryEntry, language: string, short = false): string {
  if (language === 'en' && entry.label_en) return entry.label_en;
  return short && entry.short_label ? entry.short_label : entry.label;
}

/** The active entries of a list, in their sort order. */
export function activeEntries(entries: readonly DictionaryEntry[]): DictionaryEntry[] {
  return entries.filter((e) => e.active).sort((a, b) => a.sort_order - b.sort_order);
}

/** Roles a body of this type may have (body_types null means any type). */
export function rolesForBodyType(roles: readonly DictionaryEntry[], type: BodyType): DictionaryEntry[] {
  return activeEntries(roles).filter((r) => r.body_types === null || r.body_types.includes(type));
}

export const useDictionaryStore = defineStore('dictionaries', () => {
  const lists = ref<Dictionaries | null>(null);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    if (lists.value) return Promise.resolve();
    loading ??= dictionariesApi
      .all()
      .then((d) => {
        lists.value = d;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  const language = computed(() => i18n.global.locale.value);

  function entries(kind: DictionaryKind): DictionaryEntry[] {
    return lists.value ? activeEntries(lists.value[kind] ?? []) : [];
  }

  /**
   * The label of a code in the current language (the short form, e.g. 中共预备党员, where
   * asked and known); the fallback (the server's label) or the code if the code is unknown.
   */
  function label(kind: DictionaryKind, code: string | null, fallback?: string | null, short = false): string {
    if (code === null || code === '') return '';
    const entry = lists.value?.[kind]?.find((e) => e.code === code);
    return entry ? entryLabel(entry, language.value, short) : (fallback ?? code);
  }

  function options(kind: DictionaryKind): { value: string; label: string }[] {
    return entries(kind).map((e) => ({ value: e.code, label: entryLabel(e, language.value) }));
  }

  function rolesFor(type: BodyType): { value: string; label: string }[] {
    const roles = lists.value ? rolesForBodyType(lists.value.role, type) : [];
    return roles.map((e) => ({ value: e.code, label: entryLabel(e, language.value) }));
  }

  return { lists, load, entries, label, options, rolesFor };
});
