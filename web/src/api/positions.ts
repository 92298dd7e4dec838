import { http, request } from './http';
import type { EndedPosition, PositionCorrection, PositionCreate, PositionCreated, PositionEnd } from './types';

export const positionsApi = {
  /** A refusal by the staffing rules (409 staffing_rule_broken) is left to the dialog, which shows its findings. */
  appoint: (body: PositionCreate, fieldsHandled?: readonly string[]) =>
    request<PositionCreated>('/positions', { method: 'POST', body, fieldsHandled, codesHandled: ['staffing_rule_broken'] }),
  end: (id: number, body: PositionEnd, fieldsHandled?: readonly string[]) =>
    http.post<EndedPosition>(`/positions/${id}/end`, body, fieldsHandled),
  /** A correction with a reason (audited before/after); judged by the staffing rules like an appointment. */
  correct: (id: number, body: PositionCorrection, fieldsHandled?: readonly string[]) =>
    request<PositionCreated>(`/positions/${id}`, { method: 'PATCH', body, fieldsHandled, codesHandled: ['staffing_rule_broken'] }),
  /** Removes an appointment entered by mistake, only on the day it was entered. */
  remove: (id: number, reason: string, fieldsHandled?: readonly string[]) =>
    request<{ ok: boolean }>(`/positions/${id}`, { method: 'DELETE', body: { reason }, fieldsHandled }),
};
