import { afterEach, describe, expect, it, vi } from 'vitest';
import { http } from './http';
import { campaignContactsApi, contactsApi } from './contacts';

describe('the contact requests', () => {
  afterEach(() => vi.restoreAllMocks());

  it('list a body’s contacts of one campaign when asked, all of them when not', async () => {
    const get = vi.spyOn(http, 'get').mockResolvedValue({ items: [] });
    await contactsApi.list(3);
    expect(get).toHaveBeenLastCalledWith('/organisations/3/contacts', { on: undefined, campaign: undefined });
    await contactsApi.list(3, '2016-09-20', 5);
    expect(get).toHaveBeenLastCalledWith('/organisations/3/contacts', { on: '2016-09-20', campaign: 5 });
  });

  it('list a campaign’s bodies with their contacts, today unless a day is given', async () => {
    const get = vi.spyOn(http, 'get').mockResolvedValue({ campaign_id: 5, on: '2026-11-30', missing: 0, items: [] });
    await campaignContactsApi.list(5);
    expect(get).toHaveBeenLastCalledWith('/campaigns/5/contacts', { on: undefined });
    await campaignContactsApi.list(5, '2016-09-20');
    expect(get).toHaveBeenLastCalledWith('/campaigns/5/contacts', { on: '2016-09-20' });
  });

  it('add a contact with her campaign when one is given', async () => {
    const post = vi.spyOn(http, 'post').mockResolvedValue({});
    const body = { name: '李丽', post: null, office_phone: null, mobile: '13804512345', email: null, start_on: '2026-11-30', campaign_id: 5 };
    await contactsApi.add(3, body, ['name']);
    expect(post).toHaveBeenCalledWith('/organisations/3/contacts', body, ['name']);
  });
});
