// The scheme editor's state: its rows (add, remove, move), the sum of the weights, the checks shown once
// she tries to save, and the server's field errors (`items[2].weight`) kept under the row they name.
import { computed, ref } from 'vue';
import { ApiError, type Language } from '@/api/errors';
import { currentLanguage } from '@/i18n';
import { scoresApi, type ScoreItem, type ScoreMeasure } from '@/api/scores';
import { useDirty } from '@/components/useDirty';
import { blankRow, checkScheme, fieldTarget, maxSchemeItems, moveRow, rowsOf, schemeFieldNames, schemeInput, schemeSum, type SchemeField, type SchemeRow } from '@/domain/scores';

export interface SchemeErrors {
  rows: Partial<Record<SchemeField, string>>[];
  scheme: string;
}

/** A refusal of the whole scheme in the editor's terms: each field error under its row, any other above the rows. */
export function schemeErrorsOf(error: unknown, language: Language): SchemeErrors | null {
  if (!(error instanceof ApiError) || error.field === null) return null;
  const target = fieldTarget(error.field);
  if (target === null) return null;
  const message = error.messageIn(language);
  if (target === 'scheme') return { rows: [], scheme: message };
  const rows: Partial<Record<SchemeField, string>>[] = [];
  rows[target.index] = { [target.field]: message };
  return { rows, scheme: '' };
}

export function useScoreScheme(campaignId: number, stored: readonly ScoreItem[]) {
  const rows = ref<SchemeRow[]>(rowsOf(stored));
  const tried = ref(false);
  const saving = ref(false);
  const server = ref<SchemeErrors>({ rows: [], scheme: '' });
  const { dirty } = useDirty(() => rows.value.map(({ key: _key, ...row }) => row));

  const sum = computed(() => schemeSum(rows.value));
  const check = computed(() => checkScheme(rows.value));
  /** The checks are shown once she has tried to save, so that a new empty row is not red at once. */
  const problems = computed(() => (tried.value ? check.value : null));

  /** Rows moved, added or removed: a server error's row number no longer points at the same row. */
  function reshaped(next: SchemeRow[]): void {
    rows.value = next;
    server.value = { rows: [], scheme: '' };
  }

  const add = (measure: ScoreMeasure = 'compliance') => rows.value.length < maxSchemeItems && reshaped([...rows.value, blankRow(measure)]);
  const remove = (index: number) => reshaped(rows.value.filter((_, i) => i !== index));
  const move = (index: number, delta: -1 | 1) => reshaped(moveRow(rows.value, index, delta));

  /** Saves the whole scheme; the stored items when it went, null when refused (the reasons are on the rows). */
  async function save(): Promise<ScoreItem[] | null> {
    tried.value = true;
    if (!check.value.ok) return null;
    saving.value = true;
    server.value = { rows: [], scheme: '' };
    try {
      return (await scoresApi.saveScheme(campaignId, schemeInput(rows.value), schemeFieldNames())).items;
    } catch (error) {
      server.value = schemeErrorsOf(error, currentLanguage()) ?? { rows: [], scheme: '' };
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { rows, sum, problems, server, dirty, saving, add, remove, move, save };
}
