// The contacts and re-elections of a federation, behind forms 1 and 2 (docs/api-contract.md,
// "Contacts and re-elections"): a contact is dated and ended, never deleted; a re-election entered
// by mistake is deleted. A contact belongs to one campaign ("Contact people per campaign"), and a
// campaign lists its district-level bodies with their contacts. Wire shapes only; the page's rules
// are in views/organisation/contacts.ts.
import { http } from './http';
import type { BodyType, IsoDate } from './types';

export interface Contact {
  id: number;
  organisation_id: number;
  organisation_name: string;
  name: string;
  post: string | null;
  office_phone: string | null;
  mobile: string | null;
  email: string | null;
  start_on: IsoDate;
  /** the first day she is no longer the contact */
  end_on: IsoDate | null;
  /** the campaign she is the contact for; null when named before any campaign covered her body */
  campaign_id: number | null;
  campaign_name: string | null;
}

/** What a clerk types: blank fields are sent as null (cleared). */
export type ContactInput = Pick<Contact, 'name' | 'post' | 'office_phone' | 'mobile' | 'email' | 'start_on'>;

/** A new contact; without campaign_id the server ties her to the newest campaign whose runner holds the body. */
export type NewContact = ContactInput & { campaign_id?: number };

/** One district-level body of a campaign with its contacts open on the day (earliest started first). */
export interface CampaignContactLine {
  organisation_id: number;
  organisation_name: string;
  organisation_type: BodyType;
  contacts: Contact[];
}

/** GET /api/campaigns/{id}/contacts: the bodies under the runner in the caller's scope, in tree order. */
export interface CampaignContacts {
  campaign_id: number;
  on: IsoDate;
  /** how many of the bodies have no contact on the day */
  missing: number;
  items: CampaignContactLine[];
}

export interface Reelection {
  id: number;
  organisation_id: number;
  held_on: IsoDate;
  term_years: number;
  /** held_on + term_years, computed by the server */
  next_on: IsoDate;
  delegates: number;
  delegates_minority: number;
  delegates_party: number;
  delegates_grassroots: number;
  delegates_under_35: number;
  notes: string | null;
}

export type ReelectionInput = Omit<Reelection, 'id' | 'organisation_id' | 'next_on'>;

export const contactsApi = {
  /** The contacts open on a date (default today), of one campaign when given (all when not). */
  list: (organisationId: number, on?: IsoDate, campaign?: number) =>
    http.get<{ items: Contact[] }>(`/organisations/${organisationId}/contacts`, { on, campaign }),
  add: (organisationId: number, body: NewContact, fieldsHandled?: readonly string[]) =>
    http.post<Contact>(`/organisations/${organisationId}/contacts`, body, fieldsHandled),
  change: (id: number, body: Partial<ContactInput>, fieldsHandled?: readonly string[]) =>
    http.patch<Contact>(`/contacts/${id}`, body, fieldsHandled),
  end: (id: number, endOn: IsoDate, fieldsHandled?: readonly string[]) => http.post<Contact>(`/contacts/${id}/end`, { end_on: endOn }, fieldsHandled),
};

export const campaignContactsApi = {
  /** Every district-level body of the campaign in the caller's scope with its contacts open on a date (default today). */
  list: (campaignId: number, on?: IsoDate) => http.get<CampaignContacts>(`/campaigns/${campaignId}/contacts`, { on }),
};

export const reelectionsApi = {
  /** Newest first. */
  list: (organisationId: number) => http.get<{ items: Reelection[] }>(`/organisations/${organisationId}/reelections`),
  add: (organisationId: number, body: ReelectionInput, fieldsHandled?: readonly string[]) =>
    http.post<Reelection>(`/organisations/${organisationId}/reelections`, body, fieldsHandled),
  change: (id: number, body: Partial<ReelectionInput>, fieldsHandled?: readonly string[]) =>
    http.patch<Reelection>(`/reelections/${id}`, body, fieldsHandled),
  /** A mistaken entry (204). */
  remove: (id: number) => http.delete<null>(`/reelections/${id}`),
};
