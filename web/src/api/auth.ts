import { request, http } from './http';
import type { Session, SignedIn } from './auth-types';

export const authApi = {
  /** A 401 here is "wrong username or password", shown on the form, not "signed out". */
  login: (username: string, password: string) =>
    request<SignedIn>('/auth/login', {
      method: 'POST',
      body: { username, password },
      unauthenticatedHandled: true,
      fieldsHandled: ['username', 'password'],
    }),
  me: () => request<SignedIn>('/auth/me', { unauthenticatedHandled: true }),
  logout: () => http.post<{ ok: boolean }>('/auth/logout', {}),
  sessions: () => http.get<{ items: Session[] }>('/auth/sessions'),
  endSession: (id: string) => http.delete<{ ok: boolean }>(`/auth/sessions/${encodeURIComponent(id)}`),
  changePassword: (currentPassword: string, newPassword: string, fieldsHandled?: readonly string[]) =>
    http.post<{ ok: boolean }>('/auth/password', { current_password: currentPassword, new_password: newPassword }, fieldsHandled),
};
