import { http, request } from './http';
import type { Position, PositionCreate, PositionCreated, PositionEnd } from './types';

export const positionsApi = {
  /** A refusal by the staffing rules (409 staffing_rule_broken) is left to the dialog, which shows its findings. */
  appoint: (body: PositionCreate, fieldsHandled?: readonly string[]) =>
    request<PositionCreated>('/positions', { method: 'POST', body, fieldsHandled, codesHandled: ['staffing_rule_broken'] }),
  end: (id: number, body: PositionEnd, fieldsHandled?: readonly string[]) =>
    http.post<Position>(`/positions/${id}/end`, body, fieldsHandled),
};
