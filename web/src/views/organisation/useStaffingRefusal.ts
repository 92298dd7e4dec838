// An appointment the staffing rules refused: its findings, and the administrator's override
// (a reason, resent as override_reason). Shortfalls of a saved appointment are warnings.
import { computed, ref, type UnwrapNestedRefs } from 'vue';
import { ApiError } from '@/api/errors';
import type { Finding } from '@/api/staffing-types';

export const overrideReasonMax = 200;

export function useStaffingRefusal(canOverride: () => boolean) {
  const findings = ref<Finding[]>([]);
  const overriding = ref(false);
  const reason = ref('');

  const refused = computed(() => findings.value.length > 0);
  const reasonMissing = computed(() => overriding.value && reason.value.trim() === '');

  /** True when the error was a staffing refusal (kept to show), false for any other error. */
  function capture(error: unknown): boolean {
    if (!(error instanceof ApiError) || error.code !== 'staffing_rule_broken') return false;
    findings.value = error.findings;
    return true;
  }

  /** What to add to the request body: the reason, only when an administrator chose to override. */
  function extra(): { override_reason?: string } {
    return overriding.value && canOverride() && refused.value ? { override_reason: reason.value.trim().slice(0, overrideReasonMax) } : {};
  }

  /** Something in the form changed: the old refusal no longer applies. */
  function reset(): void {
    findings.value = [];
    overriding.value = false;
    reason.value = '';
  }

  return { findings, overriding, reason, refused, reasonMissing, capture, extra, reset };
}

/** The refusal as templates hold it (reactive(): no .value). */
export type StaffingRefusal = UnwrapNestedRefs<ReturnType<typeof useStaffingRefusal>>;
