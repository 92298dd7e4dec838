import { describe, expect, it } from 'vitest';
import type { Filing } from '@/api/meetings';
import type { Nomination } from '@/api/nominations';
import {
  acknowledgedOnCheck,
  attendanceCheck,
  emptyFilingForm,
  emptyMeetingForm,
  filedByBoth,
  filingBody,
  filingHistory,
  heldOnCheck,
  liveFilings,
  liveStateKey,
  liveStateTagType,
  meetingBody,
  meetingRules,
  meetingsQuery,
  missingOutcomes,
  nominationOfOutcomeField,
  nomineeChoices,
  outcomesProblem,
  placeCheck,
  readyNominations,
  reasonCheck,
  recipientsToSend,
  rememberRecorded,
  seatFinding,
  sentOnCheck,
  takeRecorded,
  type NomineeChoice,
} from './meetings';

const t = (key: string) => key;

function nomination(id: number, organisationId: number, step: Nomination['step'] = 'manner_decided'): Nomination {
  return {
    id,
    organisation_id: organisationId,
    organisation_name: 'body',
    organisation_type: 'village_congress',
    role: 'member',
    role_label: 'member',
    channel: 'direct',
    channel_label: 'direct',
    nominated_by: null,
    name: `woman ${id}`,
    id_number: 'x',
    id_number_masked: 'x',
    mobile: null,
    mobile_masked: null,
    statement: null,
    step,
    step_label: step,
    final: false,
    manner: 'part_time',
    manner_label: 'part time',
    registered: false,
    created_at: '2026-12-01T00:00:00Z',
    created_by: 'hulan_town',
    updated_at: '2026-12-01T00:00:00Z',
  };
}

function filing(id: number, recipient: Filing['recipient'], state: Filing['state'], sentOn = '2026-11-20'): Filing {
  return {
    id,
    meeting_id: 1,
    organisation_id: 9,
    recipient,
    recipient_label: recipient,
    recipient_name: recipient,
    sent_on: sentOn,
    reference: null,
    state,
    state_label: state,
    answered_on: null,
    return_reason: null,
    created_at: '2026-11-20T00:00:00Z',
    created_by: 'hulan_town',
  };
}

function choice(id: number, included: boolean, outcome: NomineeChoice['outcome']): NomineeChoice {
  return { nomination_id: id, name: `woman ${id}`, role_label: 'member', manner_label: null, included, outcome };
}

describe('the meetings list', () => {
  it('asks for the body in the URL, the page and its size', () => {
    expect(meetingsQuery({ organisation: 12, page: 2 }, 20)).toEqual({ organisation_id: 12, page: 2, page_size: 20 });
    expect(meetingsQuery({ organisation: null, page: 1 }, 20)).toEqual({ organisation_id: undefined, page: 1, page_size: 20 });
  });
});

describe('the meeting form', () => {
  it('keeps only the nominations to the body itself whose manner is decided (the list filter is a subtree)', () => {
    const items = [nomination(1, 9), nomination(2, 10), nomination(3, 9, 'assessed'), nomination(4, 9)];
    expect(readyNominations(items, 9).map((n) => n.id)).toEqual([1, 4]);
    expect(readyNominations(items, 11)).toEqual([]);
  });

  it('puts every nominee to the meeting by default, with no outcome chosen', () => {
    const choices = nomineeChoices([nomination(1, 9)]);
    expect(choices).toEqual([{ nomination_id: 1, name: 'woman 1', role_label: 'member', manner_label: 'part time', included: true, outcome: '' }]);
  });

  it('needs an outcome for each nominee put to the meeting, and at least one of them', () => {
    expect(outcomesProblem([])).toBe('meeting.noneIncluded');
    expect(outcomesProblem([choice(1, false, '')])).toBe('meeting.noneIncluded');
    expect(outcomesProblem([choice(1, true, ''), choice(2, true, 'confirmed')])).toBe('meeting.outcomeMissing');
    expect(missingOutcomes([choice(1, true, ''), choice(2, false, ''), choice(3, true, 'not_confirmed')])).toEqual([1]);
    expect(outcomesProblem([choice(1, true, 'confirmed'), choice(2, false, '')])).toBeNull();
    expect(outcomesProblem(Array.from({ length: 101 }, (_, i) => choice(i + 1, true, 'confirmed')))).toBe('meeting.tooManyIncluded');
  });

  it('builds the request: trimmed text, blank notes left out, only the nominees put to it, the override only when given', () => {
    const form = {
      ...emptyMeetingForm(9, '2026-12-01'),
      place: '  village hall ',
      attendance: 42,
      notes: '  ',
      nominees: [choice(1, true, 'confirmed'), choice(2, true, 'not_confirmed'), choice(3, false, '')],
    };
    expect(meetingBody(form)).toEqual({
      organisation_id: 9,
      held_on: '2026-12-01',
      place: 'village hall',
      attendance: 42,
      notes: undefined,
      outcomes: [
        { nomination_id: 1, confirmed: true },
        { nomination_id: 2, confirmed: false },
      ],
    });
    expect(meetingBody(form, '  transition ').override_reason).toBe('transition');
    expect('override_reason' in meetingBody(form, ' ')).toBe(false);
    expect(meetingBody({ ...form, notes: ' minutes ' }).notes).toBe('minutes');
  });

  it('finds the nominee a server error on outcomes[i] names, counting only those sent', () => {
    const nominees = [choice(1, false, ''), choice(2, true, 'confirmed'), choice(3, true, 'confirmed')];
    expect(nominationOfOutcomeField('outcomes[1].nomination_id', nominees)).toBe(3);
    expect(nominationOfOutcomeField('outcomes[0].confirmed', nominees)).toBe(2);
    expect(nominationOfOutcomeField('outcomes[5].confirmed', nominees)).toBeNull();
    expect(nominationOfOutcomeField('place', nominees)).toBeNull();
    expect(nominationOfOutcomeField(null, nominees)).toBeNull();
  });

  it('checks the date, the place and the attendance as the server does', () => {
    const heldOn = heldOnCheck('2026-12-01');
    expect(heldOn('')?.key).toBe('meeting.heldOnRequired');
    expect(heldOn('2026-12-02')?.key).toBe('meeting.heldOnFuture');
    expect(heldOn('2026-12-01')).toBeNull();
    expect(placeCheck(' ')?.key).toBe('meeting.placeRequired');
    expect(placeCheck('x'.repeat(101))?.key).toBe('rules.textTooLong');
    expect(placeCheck('hall')).toBeNull();
    expect(attendanceCheck(null)?.key).toBe('meeting.attendanceRequired');
    expect(attendanceCheck(0)?.key).toBe('meeting.attendanceRange');
    expect(attendanceCheck(100001)?.key).toBe('meeting.attendanceRange');
    expect(attendanceCheck(2.5)?.key).toBe('meeting.attendanceRange');
    expect(attendanceCheck(35)).toBeNull();
    expect(Object.keys(meetingRules(t, '2026-12-01')).sort()).toEqual(['attendance', 'held_on', 'notes', 'organisation_id', 'place']);
  });

  it('hands the seats and warnings of a recorded meeting to its page once', () => {
    rememberRecorded({ id: 5, seats: [], warnings: [] });
    expect(takeRecorded(5)).toBeNull();
    const seat = { person_id: 3, person_name: 'woman', finding: {} as never };
    rememberRecorded({ id: 6, seats: [seat], warnings: [] });
    expect(takeRecorded(6)?.seats).toEqual([seat]);
    expect(takeRecorded(6)).toBeNull();
  });

  it('names the person of a proposed seat when its finding carries only her id', () => {
    const finding = { person_id: 3, person_name: null, message: 'm' } as never;
    expect(seatFinding({ person_id: 3, person_name: 'Wang', finding })).toMatchObject({ person_id: 3, person_name: 'Wang', message: 'm' });
    const named = { person_id: 3, person_name: 'Li', message: 'm' } as never;
    expect(seatFinding({ person_id: 3, person_name: 'Wang', finding: named }).person_name).toBe('Li');
  });
});

describe('filings', () => {
  it('leaves a blank recipient name and reference to the server', () => {
    const form = { ...emptyFilingForm('party', '2026-12-01'), reference: ' doc 3 ' };
    expect(filingBody(form)).toEqual({ recipient: 'party', recipient_name: undefined, sent_on: '2026-12-01', reference: 'doc 3' });
    expect(filingBody({ ...form, recipient_name: ' Party branch ' }).recipient_name).toBe('Party branch');
  });

  it('checks the dates against the meeting, the sending and today, and needs a reason to return', () => {
    const sent = sentOnCheck('2026-11-20', '2026-12-01');
    expect(sent('')?.key).toBe('meeting.filing.sentOnRequired');
    expect(sent('2026-11-19')).toEqual({ key: 'meeting.filing.sentBeforeMeeting', params: { date: '2026-11-20' } });
    expect(sent('2026-12-02')?.key).toBe('meeting.filing.sentInFuture');
    expect(sent('2026-11-20')).toBeNull();
    const on = acknowledgedOnCheck('2026-11-25', '2026-12-01');
    expect(on('2026-11-24')?.key).toBe('meeting.filing.onBeforeSent');
    expect(on('2026-12-02')?.key).toBe('meeting.filing.onInFuture');
    expect(on('2026-12-01')).toBeNull();
    expect(reasonCheck('  ')?.key).toBe('meeting.filing.reasonRequired');
    expect(reasonCheck('x'.repeat(201))?.key).toBe('rules.textTooLong');
    expect(reasonCheck('wrong stamp')).toBeNull();
  });

  it('shows each recipient’s live filing; a returned one is history and may be sent again', () => {
    const filings = [filing(1, 'party', 'returned', '2026-11-20'), filing(2, 'party', 'sent', '2026-11-22'), filing(3, 'federation_above', 'acknowledged', '2026-11-21')];
    expect(liveFilings(filings).map((l) => [l.recipient, l.filing?.id ?? null])).toEqual([
      ['party', 2],
      ['federation_above', 3],
    ]);
    expect(recipientsToSend(filings)).toEqual([]);
    expect(recipientsToSend([filing(1, 'party', 'returned')])).toEqual(['party', 'federation_above']);
    expect(filingHistory(filings).map((f) => f.id)).toEqual([2, 3, 1]);
    expect(filedByBoth(filings)).toBe(false);
    expect(filedByBoth([filing(2, 'party', 'acknowledged'), filing(3, 'federation_above', 'acknowledged')])).toBe(true);
    expect(filedByBoth([])).toBe(false);
  });

  it('labels the unfiled list’s states', () => {
    expect(liveStateKey(null)).toBe('meeting.filing.live.none');
    expect(liveStateKey('sent')).toBe('meeting.filing.live.sent');
    expect(liveStateKey('acknowledged')).toBe('meeting.filing.live.acknowledged');
    expect(liveStateTagType(null)).toBe('danger');
    expect(liveStateTagType('sent')).toBe('warning');
    expect(liveStateTagType('acknowledged')).toBe('success');
  });
});
