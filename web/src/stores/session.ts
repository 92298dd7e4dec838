// Who is signed in: the login answer (account, organisation, permissions, CSRF token).
// Loaded once from GET /api/auth/me on start; cleared on logout or when a request gets 401.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '@/api/auth';
import { setCsrfToken } from '@/api/http';
import type { Permission, SignedIn } from '@/api/auth-types';
import { abilities } from '@/domain/permissions';

export const useSessionStore = defineStore('session', () => {
  const me = ref<SignedIn | null>(null);
  let checking: Promise<boolean> | null = null;

  function set(answer: SignedIn | null): void {
    me.value = answer;
    setCsrfToken(answer?.csrf_token ?? null);
  }

  /** True when a session exists (asks the server once; later calls answer from memory). */
  function ensure(): Promise<boolean> {
    if (me.value) return Promise.resolve(true);
    checking ??= authApi
      .me()
      .then((answer) => {
        set(answer);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        checking = null;
      });
    return checking;
  }

  async function login(username: string, password: string): Promise<void> {
    set(await authApi.login(username, password));
  }

  async function logout(): Promise<void> {
    await authApi.logout().catch(() => undefined);
    set(null);
  }

  const permissions = computed<Permission[]>(() => me.value?.permissions ?? []);
  const can = computed(() => abilities(permissions.value));
  const organisationId = computed(() => me.value?.organisation.id ?? null);

  return { me, permissions, can, organisationId, ensure, login, logout, clear: () => set(null) };
});
