// The campaign's contacts tab: every district-level body of the campaign in the caller's scope with its
// contacts open today (docs/api-contract.md, "Contact people per campaign"), how many have none, and what
// a contact's line shows. A refusal has been shown by the request pipeline; the list then stays empty.
import { computed, ref } from 'vue';
import { campaignContactsApi, type CampaignContactLine, type CampaignContacts, type Contact } from '@/api/contacts';

/** The ways to reach her that she has, in the order the dialog asks for them (labels are contacts.<key>). */
export type ReachKey = 'officePhone' | 'mobile' | 'email';

export function reachOf(contact: Pick<Contact, 'office_phone' | 'mobile' | 'email'>): { key: ReachKey; value: string }[] {
  const ways: [ReachKey, string | null][] = [
    ['officePhone', contact.office_phone],
    ['mobile', contact.mobile],
    ['email', contact.email],
  ];
  return ways.filter((w): w is [ReachKey, string] => w[1] !== null && w[1].trim() !== '').map(([key, value]) => ({ key, value }));
}

/** The body and, when one is being changed or ended, the contact the tab's dialogs work on (none: adding). */
export interface ContactChoice {
  line: CampaignContactLine;
  contact: Contact | null;
}

export function useCampaignContacts(campaignId: number) {
  const answer = ref<CampaignContacts | null>(null);
  const loading = ref(false);

  const lines = computed<CampaignContactLine[]>(() => answer.value?.items ?? []);
  /** The server's count of bodies with no contact on the day. */
  const missing = computed(() => answer.value?.missing ?? 0);
  const total = computed(() => lines.value.length);
  const loaded = computed(() => answer.value !== null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      answer.value = await campaignContactsApi.list(campaignId);
    } catch {
      answer.value = null;
    } finally {
      loading.value = false;
    }
  }

  /** The typed choice for a table row (the table's rows are untyped): the body, and one of its contacts or none. */
  function choice(organisationId: number, contactId: number | null = null): ContactChoice | null {
    const line = lines.value.find((l) => l.organisation_id === organisationId);
    if (!line) return null;
    if (contactId === null) return { line, contact: null };
    const contact = line.contacts.find((c) => c.id === contactId);
    return contact ? { line, contact } : null;
  }

  return { lines, missing, total, loaded, loading, load, choice };
}
