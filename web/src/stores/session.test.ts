import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { authApi } from '@/api/auth';
import type { SignedIn } from '@/api/auth-types';
import { toApiError } from '@/api/errors';
import { useSessionStore } from './session';

vi.mock('@/api/auth', () => ({ authApi: { me: vi.fn(), login: vi.fn(), logout: vi.fn() } }));

const operator: SignedIn = {
  account: { id: 4, username: 'hulan_town', organisation_id: 1106, organisation_name: '二八镇妇联', role: 'operator', active: true, created_at: '', password_changed_at: null },
  organisation: { id: 1106, name: '二八镇妇联', type: 'township', path: [] },
  permissions: ['read', 'write', 'reveal'],
  csrf_token: 'tok',
  session: { id: 's1', created_at: '', last_seen_at: '', expires_at: '', absolute_expires_at: '', address: null, user_agent: null, current: true },
};

describe('session store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(authApi.me).mockReset();
  });

  it('asks the server once who is signed in, and answers from memory afterwards', async () => {
    vi.mocked(authApi.me).mockResolvedValue(operator);
    const s = useSessionStore();
    expect(await Promise.all([s.ensure(), s.ensure()])).toEqual([true, true]);
    expect(await s.ensure()).toBe(true);
    expect(authApi.me).toHaveBeenCalledTimes(1);
    expect(s.organisationId).toBe(1106);
    expect(s.can).toMatchObject({ write: true, manageAccounts: false, viewAudit: false });
  });

  it('says no session when the server answers 401', async () => {
    vi.mocked(authApi.me).mockRejectedValue(toApiError(401, null));
    const s = useSessionStore();
    expect(await s.ensure()).toBe(false);
    expect(s.me).toBeNull();
    expect(s.permissions).toEqual([]);
  });
});
