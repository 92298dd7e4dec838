import { describe, expect, it } from 'vitest';
import type { Contact, Reelection } from '@/api/contacts';
import {
  breakdownProblem, contactChanges, contactFormOf, contactInput, holdsReelections, newContactInput, nextReelectionOn, reachable,
  reelectionChanges, reelectionFormOf, reelectionInput,
} from './contacts';

const contact: Contact = {
  id: 7, organisation_id: 3, organisation_name: '道里区妇联', name: '王秀英', post: '组织联络部部长', office_phone: '0451-86661234',
  mobile: null, email: null, start_on: '2016-06-02', end_on: null, campaign_id: 5, campaign_name: '2016年扩大基层妇联组织成员工作',
};
const reelection: Reelection = {
  id: 9, organisation_id: 3, held_on: '2016-08-10', term_years: 5, next_on: '2021-08-10', delegates: 210, delegates_minority: 12,
  delegates_party: 150, delegates_grassroots: 90, delegates_under_35: 30, notes: null,
};

describe('contacts', () => {
  it('belong to district-level and city federations only', () => {
    expect(['city', 'district', 'county', 'county_city'].every((t) => holdsReelections(t as never))).toBe(true);
    expect(['street', 'township', 'village', 'community', 'village_congress'].some((t) => holdsReelections(t as never))).toBe(false);
  });

  it('start empty from today, or from the contact being corrected', () => {
    expect(contactFormOf(null, '2026-11-30')).toEqual({ name: '', post: '', office_phone: '', mobile: '', email: '', start_on: '2026-11-30' });
    expect(contactFormOf(contact, '2026-11-30')).toMatchObject({ name: '王秀英', mobile: '', start_on: '2016-06-02' });
  });

  it('send blank fields as null and trimmed text', () => {
    const form = { ...contactFormOf(null, '2026-11-30'), name: ' 李丽 ', mobile: ' 13804512345 ' };
    expect(contactInput(form)).toEqual({ name: '李丽', post: null, office_phone: null, mobile: '13804512345', email: null, start_on: '2026-11-30' });
  });

  it('send only what changed in a correction, a cleared field as null', () => {
    const form = { ...contactFormOf(contact, '2026-11-30'), mobile: '13804512345', post: '' };
    expect(contactChanges(contact, form)).toEqual({ mobile: '13804512345', post: null });
    expect(contactChanges(contact, contactFormOf(contact, '2026-11-30'))).toEqual({});
  });

  it('are named for the campaign whose page adds them, and left to the server elsewhere', () => {
    const form = { ...contactFormOf(null, '2026-11-30'), name: '李丽', mobile: '13804512345' };
    expect(newContactInput(form, 5)).toEqual({ ...contactInput(form), campaign_id: 5 });
    expect(newContactInput(form)).toEqual(contactInput(form));
    expect('campaign_id' in newContactInput(form)).toBe(false);
  });

  it('never move to another campaign in a correction (the campaign is not a field she changes)', () => {
    const form = { ...contactFormOf(contact, '2026-11-30'), name: '王秀英' };
    expect(contactChanges({ ...contact, campaign_id: 9 }, form)).toEqual({});
  });

  it('need one way to reach her', () => {
    expect(reachable({ office_phone: ' ', mobile: '', email: '' })).toEqual({ key: 'contacts.unreachable' });
    expect(reachable({ office_phone: '', mobile: '', email: 'a@b.cn' })).toBeNull();
  });
});

describe('re-elections', () => {
  it.each([
    ['five years on', '2016-08-10', 5, '2021-08-10'],
    ['29 February to a common year', '2016-02-29', 5, '2021-02-28'],
    ['29 February to a leap year', '2016-02-29', 4, '2020-02-29'],
    ['no date yet', '', 5, ''],
    ['no term', '2016-08-10', 0, ''],
  ])('are next due %s', (_, held, years, next) => {
    expect(nextReelectionOn(held, years)).toBe(next);
  });

  it('start with a term of five years and no delegates, or from the entry being corrected', () => {
    expect(reelectionFormOf(null)).toMatchObject({ held_on: '', term_years: 5, delegates: 0, notes: '' });
    expect(reelectionInput(reelectionFormOf(reelection))).toEqual({
      held_on: '2016-08-10', term_years: 5, delegates: 210, delegates_minority: 12, delegates_party: 150, delegates_grassroots: 90,
      delegates_under_35: 30, notes: null,
    });
  });

  it('send only what changed in a correction', () => {
    expect(reelectionChanges(reelection, { ...reelectionFormOf(reelection), delegates: 220, notes: ' 补录 ' })).toEqual({ delegates: 220, notes: '补录' });
  });

  it('count each breakdown within the delegates', () => {
    expect(breakdownProblem(12, 210)).toBeNull();
    expect(breakdownProblem(211, 210)).toEqual({ key: 'reelections.breakdownOver', params: { delegates: 210 } });
    expect(breakdownProblem(null, 210)).toEqual({ key: 'reelections.required' });
  });
});
