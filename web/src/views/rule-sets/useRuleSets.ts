// The rule-set editor's state: the sets and the schedule, the version being edited as a form,
// saving it as the next version (a refusal marks the row at fault), and scheduling a version.
import { computed, ref } from 'vue';
import { staffingApi } from '@/api/staffing';
import { ApiError } from '@/api/errors';
import type { IsoDate } from '@/api/types';
import type { RuleSetList, RuleSetVersions, Schedule } from '@/api/staffing-types';
import { currentLanguage } from '@/i18n';
import { fromRuleSet, rowOfErrorPath, toRuleSet, type RuleSetForm } from './ruleSetForm';

export function useRuleSets() {
  const sets = ref<RuleSetList | null>(null);
  const schedule = ref<Schedule | null>(null);
  const versions = ref<RuleSetVersions | null>(null);
  const opened = ref<{ code: string; version: number } | null>(null);
  const form = ref<RuleSetForm | null>(null);
  const fault = ref<{ row: string | null; message: string } | null>(null);
  const saving = ref(false);

  const inForce = computed(() => schedule.value?.in_force ?? sets.value?.in_force ?? null);

  async function load(): Promise<void> {
    const [s, sch] = await Promise.all([staffingApi.ruleSets(), staffingApi.schedule()]);
    sets.value = s;
    schedule.value = sch;
    const first = inForce.value ?? (s.items[0] ? { code: s.items[0].code, version: s.items[0].latest_version } : null);
    if (first && !opened.value) await open(first.code, first.version);
  }

  async function open(code: string, version: number): Promise<void> {
    const [set, v] = await Promise.all([staffingApi.ruleSet(code, version), staffingApi.versions(code)]);
    versions.value = v;
    opened.value = { code, version };
    form.value = fromRuleSet(set);
    fault.value = null;
  }

  /** Saves the form as the next version of its code; true when stored. */
  async function save(): Promise<boolean> {
    if (!form.value) return false;
    saving.value = true;
    fault.value = null;
    try {
      const stored = await staffingApi.saveRuleSet(toRuleSet(form.value));
      await load();
      await open(stored.code, stored.version ?? 1);
      return true;
    } catch (error) {
      if (error instanceof ApiError) fault.value = { row: rowOfErrorPath(error.field), message: error.messageIn(currentLanguage()) };
      return false;
    } finally {
      saving.value = false;
    }
  }

  async function addToSchedule(effectiveFrom: IsoDate, code: string, version: number): Promise<boolean> {
    try {
      schedule.value = await staffingApi.addToSchedule({ effective_from: effectiveFrom, code, version }, ['effective_from']);
      sets.value = await staffingApi.ruleSets();
      return true;
    } catch {
      return false;
    }
  }

  return { sets, schedule, versions, opened, form, fault, saving, inForce, load, open, save, addToSchedule };
}
