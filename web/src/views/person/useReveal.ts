// Full values of personal data, fetched only when the clerk deliberately asks (each reveal is logged).
import { ref } from 'vue';
import { peopleApi } from '@/api/people';
import type { RevealField } from '@/api/auth-types';

export function useReveal(personId: number) {
  const revealed = ref<Partial<Record<RevealField, string | null>>>({});
  const busy = ref<RevealField | null>(null);

  async function reveal(field: RevealField): Promise<void> {
    busy.value = field;
    try {
      const answer = await peopleApi.reveal(personId, field);
      revealed.value = { ...revealed.value, [field]: answer.value };
    } catch {
      // the pipeline has shown why
    } finally {
      busy.value = null;
    }
  }

  /** The value to show: the revealed one when asked for, else the masked one. */
  function shown(field: RevealField, masked: string | null): string {
    return field in revealed.value ? (revealed.value[field] ?? '') : (masked ?? '');
  }

  return { revealed, busy, reveal, shown };
}
