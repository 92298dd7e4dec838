import { afterEach, describe, expect, it, vi } from 'vitest';
import { contactsApi, reelectionsApi, type Contact, type Reelection } from '@/api/contacts';
import { useContacts, useReelections } from './useContacts';

const contact: Contact = {
  id: 7, organisation_id: 3, organisation_name: '道里区妇联', name: '王秀英', post: null, office_phone: '0451-86661234', mobile: null,
  email: null, start_on: '2016-06-02', end_on: null, campaign_id: 5, campaign_name: '2016年扩大基层妇联组织成员工作',
};
const entry = (id: number, held_on: string): Reelection => ({
  id, organisation_id: 3, held_on, term_years: 5, next_on: '', delegates: 100, delegates_minority: 0, delegates_party: 0,
  delegates_grassroots: 0, delegates_under_35: 0, notes: null,
});

describe('a federation’s contacts and re-elections', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the contacts open today', async () => {
    const list = vi.spyOn(contactsApi, 'list').mockResolvedValue({ items: [contact] });
    const { contacts, loading, load } = useContacts(3);
    const done = load();
    expect(loading.value).toBe(true);
    await done;
    expect(list).toHaveBeenCalledWith(3);
    expect(contacts.value).toEqual([contact]);
    expect(loading.value).toBe(false);
  });

  it('leaves the list empty when the server refuses (the pipeline has said why)', async () => {
    vi.spyOn(contactsApi, 'list').mockRejectedValue(new Error('refused'));
    const { contacts, load } = useContacts(3);
    await load();
    expect(contacts.value).toEqual([]);
  });

  it('deletes a mistaken re-election and lists the rest again', async () => {
    const list = vi.spyOn(reelectionsApi, 'list').mockResolvedValueOnce({ items: [entry(2, '2021-08-10'), entry(1, '2016-08-10')] });
    const remove = vi.spyOn(reelectionsApi, 'remove').mockResolvedValue(null);
    const { reelections, load, remove: removeEntry } = useReelections(3);
    await load();
    expect(reelections.value.map((r) => r.id)).toEqual([2, 1]);
    list.mockResolvedValueOnce({ items: [entry(1, '2016-08-10')] });
    await removeEntry(reelections.value[0]);
    expect(remove).toHaveBeenCalledWith(2);
    expect(reelections.value.map((r) => r.id)).toEqual([1]);
  });

  it('keeps the list when a deletion is refused', async () => {
    vi.spyOn(reelectionsApi, 'list').mockResolvedValue({ items: [entry(1, '2016-08-10')] });
    vi.spyOn(reelectionsApi, 'remove').mockRejectedValue(new Error('refused'));
    const { reelections, load, remove } = useReelections(3);
    await load();
    await expect(remove(reelections.value[0])).rejects.toThrow('refused');
    expect(reelections.value).toHaveLength(1);
  });
});
