import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignContactsApi, type CampaignContacts, type Contact } from '@/api/contacts';
import { reachOf, useCampaignContacts } from './useCampaignContacts';

const contact = (id: number, organisation_id: number, name: string): Contact => ({
  id, organisation_id, organisation_name: '道里区妇联', name, post: null, office_phone: '0451-86661234', mobile: null, email: null,
  start_on: '2016-06-02', end_on: null, campaign_id: 5, campaign_name: '2016年扩大基层妇联组织成员工作',
});
const answer: CampaignContacts = {
  campaign_id: 5,
  on: '2026-11-30',
  missing: 1,
  items: [
    { organisation_id: 3, organisation_name: '道里区妇联', organisation_type: 'district', contacts: [contact(7, 3, '王秀英'), contact(8, 3, '李丽')] },
    { organisation_id: 4, organisation_name: '南岗区妇联', organisation_type: 'district', contacts: [] },
  ],
};

describe('a campaign’s contacts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the bodies with their contacts and the count of those with none', async () => {
    const list = vi.spyOn(campaignContactsApi, 'list').mockResolvedValue(answer);
    const { lines, missing, total, loaded, loading, load } = useCampaignContacts(5);
    expect(loaded.value).toBe(false);
    const done = load();
    expect(loading.value).toBe(true);
    await done;
    expect(list).toHaveBeenCalledWith(5);
    expect(lines.value.map((l) => l.organisation_name)).toEqual(['道里区妇联', '南岗区妇联']);
    expect(missing.value).toBe(1);
    expect(total.value).toBe(2);
    expect(loaded.value).toBe(true);
    expect(loading.value).toBe(false);
  });

  it('reloads after a save: the new contact shows and the count follows', async () => {
    const list = vi.spyOn(campaignContactsApi, 'list').mockResolvedValueOnce(answer);
    const { lines, missing, load } = useCampaignContacts(5);
    await load();
    list.mockResolvedValueOnce({ ...answer, missing: 0, items: [answer.items[0], { ...answer.items[1], contacts: [contact(9, 4, '张敏')] }] });
    await load();
    expect(lines.value[1].contacts.map((c) => c.name)).toEqual(['张敏']);
    expect(missing.value).toBe(0);
  });

  it('stays empty when the server refuses (the pipeline has said why)', async () => {
    vi.spyOn(campaignContactsApi, 'list').mockRejectedValue(new Error('refused'));
    const { lines, missing, loaded, loading, load } = useCampaignContacts(5);
    await load();
    expect(lines.value).toEqual([]);
    expect(missing.value).toBe(0);
    expect(loaded.value).toBe(false);
    expect(loading.value).toBe(false);
  });

  it('finds the body a button belongs to, and the contact being changed', async () => {
    vi.spyOn(campaignContactsApi, 'list').mockResolvedValue(answer);
    const { choice, load } = useCampaignContacts(5);
    await load();
    expect(choice(4)).toEqual({ line: answer.items[1], contact: null });
    expect(choice(3, 8)?.contact?.name).toBe('李丽');
    expect(choice(3, 8)?.line.organisation_id).toBe(3);
    expect(choice(99)).toBeNull();
    expect(choice(4, 7)).toBeNull(); // not a contact of that body
  });
});

describe('the ways to reach a contact', () => {
  it('are the ones she has, office phone, mobile, e-mail in that order', () => {
    expect(reachOf({ office_phone: '0451-86661234', mobile: null, email: 'wang@example.cn' })).toEqual([
      { key: 'officePhone', value: '0451-86661234' },
      { key: 'email', value: 'wang@example.cn' },
    ]);
    expect(reachOf({ office_phone: null, mobile: '13804512345', email: ' ' })).toEqual([{ key: 'mobile', value: '13804512345' }]);
    expect(reachOf({ office_phone: null, mobile: null, email: null })).toEqual([]);
  });
});
