import { describe, expect, it } from 'vitest';
import {
  applyBody,
  applyOutcomeOf,
  closedReasonOf,
  duplicateRows,
  emptyApplyForm,
  placesFor,
  emptyNoticeForm,
  formatReceipt,
  mayCoverVillages,
  noticeBody,
  noticeFormOf,
  noticeUpdateBody,
  noticesQuery,
  placeFields,
  placesSummary,
  receiptProblem,
  normaliseReceipt,
  roleBodyTypes,
  standingOf,
  checkDeadline,
  checkPlaces,
  checkRequiredMobile,
  waitMinutes,
  waitText,
} from './notices';
import { retryAfterSeconds, type Notice } from '@/api/notices';

describe('notices', () => {
  it('puts the places in one line, in the notice order', () => {
    const places = [
      { role_label: 'Executive', places: 3 },
      { role_label: 'Vice-chair', places: 1 },
    ];
    expect(placesSummary(places, ', ')).toBe('Executive 3, Vice-chair 1');
    expect(placesSummary([], ', ')).toBe('');
  });

  it('reads the list state into the query', () => {
    expect(noticesQuery({ organisation: null, state: '', page: 1 }, 20)).toEqual({ organisation_id: undefined, state: undefined, page: 1, page_size: 20 });
    expect(noticesQuery({ organisation: 8, state: 'published', page: 2 }, 20)).toEqual({ organisation_id: 8, state: 'published', page: 2, page_size: 20 });
  });

  it('normalises a receipt code typed with or without dashes, in any case', () => {
    expect(normaliseReceipt(' k7qm-2xpd-9arf-0b3c-hw5n ')).toBe('K7QM2XPD9ARF0B3CHW5N');
    expect(normaliseReceipt('K7QM 2XPD 9ARF 0B3C HW5N')).toBe('K7QM2XPD9ARF0B3CHW5N');
    expect(normaliseReceipt('oil')).toBe('011');
    expect(formatReceipt('k7qm2xpd9arf0b3chw5n')).toBe('K7QM-2XPD-9ARF-0B3C-HW5N');
    expect(receiptProblem('')).toBe('receiptRequired');
    expect(receiptProblem('K7QM2XPD')).toBe('receiptShape');
    expect(receiptProblem('K7QM2XPD9ARF0B3CHW5U')).toBe('receiptShape');
    expect(receiptProblem(normaliseReceipt('k7qm-2xpd-9arf-0b3c-hw5n'))).toBeNull();
  });

  it('turns the notice form into the request body', () => {
    const form = {
      ...emptyNoticeForm(12),
      coverage: 'villages' as const,
      title: '  Recruiting  ',
      places: [
        { role: 'executive', places: 3 },
        { role: 'vice_chair', places: 1 },
      ],
      duties: ' d ',
      conditions: 'c',
      how_to_apply: 'h',
      contact: '  ',
      deadline: '2026-12-31',
    };
    expect(noticeBody(form)).toEqual({
      organisation_id: 12,
      coverage: 'villages',
      title: 'Recruiting',
      places: [
        { role: 'executive', places: 3 },
        { role: 'vice_chair', places: 1 },
      ],
      duties: 'd',
      conditions: 'c',
      how_to_apply: 'h',
      deadline: '2026-12-31',
    });
    const update = noticeUpdateBody({ ...form, contact: ' 0451-1234 ' });
    expect(update.contact).toBe('0451-1234');
    expect('organisation_id' in update).toBe(false);
  });

  it('fills the form from a stored notice', () => {
    const n = {
      organisation_id: 5,
      coverage: 'own',
      title: 'T',
      places: [{ role: 'executive', role_label: 'Executive', places: 2 }],
      duties: 'd',
      conditions: 'c',
      how_to_apply: 'h',
      contact: null,
      deadline: '2026-12-31',
    } as unknown as Notice;
    expect(noticeFormOf(n)).toEqual({ ...emptyNoticeForm(5), title: 'T', places: [{ role: 'executive', places: 2 }], duties: 'd', conditions: 'c', how_to_apply: 'h', deadline: '2026-12-31' });
  });

  it('checks the places rows', () => {
    expect(checkPlaces(1)).toBeNull();
    expect(checkPlaces(100)).toBeNull();
    expect(checkPlaces(0)).not.toBeNull();
    expect(checkPlaces(101)).not.toBeNull();
    expect(checkPlaces(null)).not.toBeNull();
    expect(checkPlaces(1.5)).not.toBeNull();
    expect(duplicateRows([{ role: 'a', places: 1 }, { role: 'b', places: 1 }, { role: 'a', places: 2 }, { role: '', places: 1 }, { role: '', places: 1 }])).toEqual([2]);
    expect(placeFields()).toContain('places[1].role');
    expect(placeFields()).toContain('places[19].places');
  });

  it('refuses a deadline before today', () => {
    const check = checkDeadline('2026-12-01');
    expect(check('')?.key).toBe('notice.deadlineRequired');
    expect(check('2026-11-30')?.key).toBe('notice.deadlinePast');
    expect(check('2026-12-01')).toBeNull();
  });

  it('offers villages only to a township or street, with the roles of a village, a community and a village congress', () => {
    expect(mayCoverVillages('township')).toBe(true);
    expect(mayCoverVillages('street')).toBe(true);
    expect(mayCoverVillages('village')).toBe(false);
    expect(mayCoverVillages(null)).toBe(false);
    expect(roleBodyTypes('villages', 'township')).toEqual(['village', 'community', 'village_congress']);
    expect(roleBodyTypes('own', 'township')).toEqual(['township']);
    expect(roleBodyTypes('own', null)).toEqual([]);
  });

  it('says where a notice stands and why it takes no self-nomination', () => {
    expect(standingOf({ state: 'draft', open: false })).toBe('draft');
    expect(standingOf({ state: 'published', open: true })).toBe('open');
    expect(standingOf({ state: 'published', open: false })).toBe('deadline_passed');
    expect(standingOf({ state: 'closed', open: false })).toBe('closed');
    expect(closedReasonOf({ open: true, closed_reason: null })).toBeNull();
    expect(closedReasonOf({ open: false, closed_reason: 'deadline_passed' })).toBe('deadline_passed');
    expect(closedReasonOf({ open: false, closed_reason: 'closed' })).toBe('closed');
    expect(closedReasonOf({ open: false, closed_reason: null })).toBe('closed');
  });

  it('turns the self-nomination form into the request body', () => {
    expect(emptyApplyForm([{ id: 3 }]).organisation_id).toBe(3);
    expect(emptyApplyForm([{ id: 3 }, { id: 4 }]).organisation_id).toBeNull();
    const body = applyBody({ organisation_id: 3, role: 'executive', name: ' Wang ', id_number: '11010519491231002x', mobile: '138 1234 5678', statement: '  ', consent: true });
    expect(body).toEqual({ organisation_id: 3, role: 'executive', name: 'Wang', id_number: '11010519491231002X', mobile: '13812345678' });
    expect(applyBody({ ...emptyApplyForm([{ id: 3 }]), statement: ' why ' }).statement).toBe('why');
    expect(checkRequiredMobile('')?.key).toBe('notice.apply.mobileRequired');
    expect(checkRequiredMobile('12345')?.key).toBe('rules.mobile');
    expect(checkRequiredMobile('13812345678')).toBeNull();
  });

  it('reads a refusal of the public form', () => {
    expect(applyOutcomeOf({ status: 0, code: 'network', field: null })).toEqual({ kind: 'unreachable' });
    expect(applyOutcomeOf({ status: 429, code: 'too_many_requests', field: null, retryAfter: 90 })).toEqual({ kind: 'too_many', retryAfter: 90 });
    expect(applyOutcomeOf({ status: 409, code: 'already_nominated', field: 'id_number' })).toEqual({ kind: 'already_nominated' });
    expect(applyOutcomeOf({ status: 409, code: 'notice_closed', field: null })).toEqual({ kind: 'notice_closed' });
    expect(applyOutcomeOf({ status: 422, code: 'id_number_checksum', field: 'id_number' })).toEqual({ kind: 'field', field: 'id_number' });
    expect(applyOutcomeOf({ status: 422, code: 'role_not_in_notice', field: 'role' })).toEqual({ kind: 'field', field: 'role' });
    expect(applyOutcomeOf({ status: 404, code: 'not_found', field: null })).toEqual({ kind: 'not_found' });
    expect(applyOutcomeOf({ status: 500, code: 'server_error', field: null })).toEqual({ kind: 'unreachable' });
    expect(waitMinutes(null)).toBe(1);
    expect(waitMinutes(30)).toBe(1);
    expect(waitMinutes(61)).toBe(2);
    const tr = (key: string, params?: Record<string, string | number>) => `${key}:${params?.n}`;
    expect(waitText(2, tr)).toBe('notice.wait.seconds:2');
    expect(waitText(0, tr)).toBe('notice.wait.seconds:1');
    expect(waitText(120, tr)).toBe('notice.wait.minutes:2');
    expect(waitText(null, tr)).toBe('notice.wait.minutes:1');
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('120')).toBe(120);
    const now = new Date('2026-12-01T00:00:00Z');
    expect(retryAfterSeconds('Tue, 01 Dec 2026 00:01:00 GMT', now)).toBe(60);
    expect(retryAfterSeconds('soon')).toBeNull();
  });

  it('offers only the roles that exist in the body she chose', () => {
    const places = [{ role: 'member' }, { role: 'chair' }];
    expect(placesFor(places, undefined)).toEqual(places);
    expect(placesFor(places, { roles: ['member'] })).toEqual([{ role: 'member' }]);
    expect(placesFor(places, {})).toEqual(places);
  });
});
