import { http } from './http';
import type { Position, PositionCreate, PositionEnd } from './types';

export const positionsApi = {
  appoint: (body: PositionCreate, fieldsHandled?: readonly string[]) =>
    http.post<Position>('/positions', body, fieldsHandled),
  end: (id: number, body: PositionEnd, fieldsHandled?: readonly string[]) =>
    http.post<Position>(`/positions/${id}/end`, body, fieldsHandled),
};
