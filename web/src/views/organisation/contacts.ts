// The pure part of the contacts (附表1) and re-elections (附表2) on a federation's page: which bodies
// have them, the forms as a clerk types them, the request bodies (blank is null; a change sends only
// what changed), the next re-election's day, and the checks the server makes, said before sending.
// No HTTP, no Vue.
import type { FormRules } from 'element-plus';
import type { Contact, ContactInput, NewContact, Reelection, ReelectionInput } from '@/api/contacts';
import type { BodyType, IsoDate } from '@/api/types';
import { asRule, isBlank, maxLength, required, requiredDate, type Check, type Problem, type Translate } from '@/domain/form-rules';

/** District, county, county-level city and city federations enter a contact and their re-elections. */
export const reelectionBodyTypes: readonly BodyType[] = ['city', 'district', 'county', 'county_city'];

export function holdsReelections(type: BodyType): boolean {
  return reelectionBodyTypes.includes(type);
}

// ——— contacts ———

export interface ContactForm {
  name: string;
  post: string;
  office_phone: string;
  mobile: string;
  email: string;
  start_on: IsoDate;
}

export function contactFormOf(contact: Contact | null, today: IsoDate): ContactForm {
  return {
    name: contact?.name ?? '',
    post: contact?.post ?? '',
    office_phone: contact?.office_phone ?? '',
    mobile: contact?.mobile ?? '',
    email: contact?.email ?? '',
    start_on: contact?.start_on ?? today,
  };
}

const blankIsNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function contactInput(form: ContactForm): ContactInput {
  return {
    name: form.name.trim(),
    post: blankIsNull(form.post),
    office_phone: blankIsNull(form.office_phone),
    mobile: blankIsNull(form.mobile),
    email: blankIsNull(form.email),
    start_on: form.start_on,
  };
}

/** A new contact, tied to the campaign she is named for when one is given (else the server picks the newest covering her body). */
export function newContactInput(form: ContactForm, campaignId?: number): NewContact {
  const input = contactInput(form);
  return campaignId === undefined ? input : { ...input, campaign_id: campaignId };
}

/** Only the fields that differ from the stored contact (a PATCH leaves the others alone). */
export function contactChanges(before: Contact, form: ContactForm): Partial<ContactInput> {
  const after = contactInput(form);
  const out: Partial<ContactInput> = {};
  for (const key of Object.keys(after) as (keyof ContactInput)[]) {
    if (after[key] !== before[key]) Object.assign(out, { [key]: after[key] });
  }
  return out;
}

/** The server's rule: at least one of the three ways to reach her (said on the mobile, as the server does). */
export function reachable(form: Pick<ContactForm, 'office_phone' | 'mobile' | 'email'>): Problem | null {
  return isBlank(form.office_phone) && isBlank(form.mobile) && isBlank(form.email) ? { key: 'contacts.unreachable' } : null;
}

export function contactRules(translate: Translate, form: () => ContactForm): FormRules {
  const name = required('contacts.name', translate);
  const length = maxLength(50);
  return {
    name: [asRule(name, translate)],
    post: [asRule(length, translate)],
    mobile: [asRule(() => reachable(form()), translate)],
    start_on: [asRule(requiredDate, translate, 'change')],
  };
}

// ——— re-elections ———

export interface ReelectionForm {
  held_on: IsoDate | '';
  term_years: number;
  delegates: number;
  delegates_minority: number;
  delegates_party: number;
  delegates_grassroots: number;
  delegates_under_35: number;
  notes: string;
}

export const breakdownFields = ['delegates_minority', 'delegates_party', 'delegates_grassroots', 'delegates_under_35'] as const;

export const defaultTermYears = 5;

export function reelectionFormOf(r: Reelection | null): ReelectionForm {
  return {
    held_on: r?.held_on ?? '',
    term_years: r?.term_years ?? defaultTermYears,
    delegates: r?.delegates ?? 0,
    delegates_minority: r?.delegates_minority ?? 0,
    delegates_party: r?.delegates_party ?? 0,
    delegates_grassroots: r?.delegates_grassroots ?? 0,
    delegates_under_35: r?.delegates_under_35 ?? 0,
    notes: r?.notes ?? '',
  };
}

export function reelectionInput(form: ReelectionForm): ReelectionInput {
  return {
    held_on: form.held_on,
    term_years: form.term_years,
    delegates: form.delegates,
    delegates_minority: form.delegates_minority,
    delegates_party: form.delegates_party,
    delegates_grassroots: form.delegates_grassroots,
    delegates_under_35: form.delegates_under_35,
    notes: blankIsNull(form.notes),
  };
}

export function reelectionChanges(before: Reelection, form: ReelectionForm): Partial<ReelectionInput> {
  const after = reelectionInput(form);
  const out: Partial<ReelectionInput> = {};
  for (const key of Object.keys(after) as (keyof ReelectionInput)[]) {
    if (after[key] !== before[key]) Object.assign(out, { [key]: after[key] });
  }
  return out;
}

/** The day the next re-election is due: held_on plus term_years years (29 February → 28 February), as the server computes it. */
export function nextReelectionOn(heldOn: IsoDate | '', termYears: number): IsoDate | '' {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(heldOn);
  if (!m || !Number.isInteger(termYears) || termYears < 1) return '';
  const year = Number(m[1]) + termYears;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : m[3];
  return `${String(year).padStart(4, '0')}-${m[2]}-${day}`;
}

/** Each breakdown is a part of the delegates: 0 to the number of delegates. */
export function breakdownProblem(value: number | null | undefined, delegates: number): Problem | null {
  if (value === null || value === undefined) return { key: 'reelections.required' };
  return value > delegates ? { key: 'reelections.breakdownOver', params: { delegates } } : null;
}

export function reelectionRules(translate: Translate, form: () => ReelectionForm): FormRules {
  const breakdown: Check<number | null | undefined> = (value) => breakdownProblem(value, form().delegates ?? 0);
  const rules: FormRules = {
    held_on: [asRule(requiredDate, translate, 'change')],
    notes: [asRule(maxLength(500), translate)],
  };
  for (const field of breakdownFields) rules[field] = [asRule(breakdown, translate, 'change')];
  return rules;
}
