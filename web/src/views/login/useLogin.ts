// The sign-in form's state: what she typed, and why the server said no (wrong password,
// or locked until a time, which is shown in her local time, or the server busy with other
// sign-ins: 503, with or without a JSON body, e.g. from nginx).
import { reactive, ref } from 'vue';
import { ApiError } from '@/api/errors';
import { useSessionStore } from '@/stores/session';

export type LoginProblem =
  | { kind: 'failed' }
  | { kind: 'locked'; until: string | null }
  | { kind: 'busy' }
  | { kind: 'other'; message: string };

/** The clock time (HH:MM, local) at which a lock ends. */
export function lockEndsAt(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function problemOf(error: unknown, language: 'zh-CN' | 'en'): LoginProblem {
  if (error instanceof ApiError && error.code === 'login_locked') return { kind: 'locked', until: error.lockedUntil };
  if (error instanceof ApiError && error.status === 401) return { kind: 'failed' };
  if (error instanceof ApiError && error.status === 503) return { kind: 'busy' };
  if (error instanceof ApiError) return { kind: 'other', message: error.messageIn(language) };
  return { kind: 'other', message: String(error) };
}

export function useLogin(language: () => 'zh-CN' | 'en') {
  const session = useSessionStore();
  const form = reactive({ username: '', password: '' });
  const problem = ref<LoginProblem | null>(null);
  const busy = ref(false);

  async function submit(): Promise<boolean> {
    problem.value = null;
    busy.value = true;
    try {
      await session.login(form.username.trim(), form.password);
      form.password = '';
      return true;
    } catch (error) {
      problem.value = problemOf(error, language());
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { form, problem, busy, submit };
}
