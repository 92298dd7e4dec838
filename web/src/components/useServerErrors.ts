// Keeps the server's field errors of one form so each el-form-item can show its own
// (`:error="server.errors.name"`), and remembers an existing person: person_exists (her id, in
// the clerk's subtree) or person_exists_elsewhere (registered outside it: no id, appointed by ID number).
import { reactive, ref } from 'vue';
import { ApiError } from '@/api/errors';
import { currentLanguage } from '@/i18n';

export function useServerErrors<F extends string>(fields: readonly F[]) {
  const errors = ref<Partial<Record<F, string>>>({});
  const existingId = ref<number | null>(null);
  const existsElsewhere = ref(false);

  function clear(): void {
    errors.value = {};
    existingId.value = null;
    existsElsewhere.value = false;
  }

  /** Records an error on one of this form's fields; true when it did. */
  function capture(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.field === null) return false;
    const field = fields.find((f) => f === error.field);
    if (!field) return false;
    errors.value = { ...errors.value, [field]: error.messageIn(currentLanguage()) };
    if (error.code === 'person_exists') existingId.value = error.existingId;
    if (error.code === 'person_exists_elsewhere') existsElsewhere.value = true;
    return true;
  }

  // reactive() so that templates read `server.errors.name` without .value
  return reactive({ fields, errors, existingId, existsElsewhere, clear, capture });
}
