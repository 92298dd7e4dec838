// The audit log's vocabulary: a record's action and entity as domain words (任命, 结束任职,
// 登记人员, 更正 …), and its before/after as rows, one per field, values as words: dictionary
// codes by their labels, yes/no for flags, ids by the names the server sent (with a link to
// the organisation or person), lists one item a line. Pure: the caller passes the words.
import type { AuditChange, AuditNames, AuditRecord } from '@/api/auth-types';

/** A value shown in the log: its text, and where it leads when it names an organisation or a person. */
export interface AuditValue {
  text: string;
  link: { name: 'organisation' | 'person'; id: number } | null;
}

export interface ChangeRow {
  field: string;
  before: AuditValue;
  after: AuditValue;
}

export interface AuditWords {
  /** The label of a coded value of a field of an entity (position role executive → 执委, account role operator → 操作员); null when it is no code. */
  code(entity: string, field: string, value: string): string | null;
  flag(value: boolean): string;
  /** A finding (an overridden staffing rule) in the language shown. */
  finding(value: Record<string, unknown>): string | null;
}

/** Fields holding the id of something the server names in `names`, and the page it opens. */
const idFields: Record<string, { names: keyof AuditNames; page: 'organisation' | 'person' | null }> = {
  organisation_id: { names: 'organisation_id', page: 'organisation' },
  parent_id: { names: 'organisation_id', page: 'organisation' },
  into_id: { names: 'organisation_id', page: 'organisation' },
  person_id: { names: 'person_id', page: 'person' },
  account_id: { names: 'account_id', page: null },
};

const plain = (text: string): AuditValue => ({ text, link: null });

export function valueText(entity: string, field: string, value: unknown, words: AuditWords, names: AuditNames | null = null): AuditValue {
  if (value === null || value === undefined || value === '') return plain('—');
  if (Array.isArray(value)) return plain(value.map((v) => valueText(entity, field, v, words, names).text).join('\n'));
  const id = idFields[field];
  if (id && (typeof value === 'number' || typeof value === 'string')) {
    const name = names?.[id.names]?.[String(value)];
    const link = id.page ? { name: id.page, id: Number(value) } : null;
    return { text: name ?? String(value), link };
  }
  if (typeof value === 'boolean') return plain(words.flag(value));
  if (typeof value === 'string') return plain(words.code(entity, field, value) ?? value);
  if (typeof value === 'number') return plain(String(value));
  if (typeof value === 'object') {
    const finding = words.finding(value as Record<string, unknown>);
    if (finding !== null) return plain(finding);
  }
  return plain(JSON.stringify(value));
}

export function changeRows(record: Pick<AuditRecord, 'entity' | 'changes' | 'names'>, words: AuditWords): ChangeRow[] {
  return Object.entries(record.changes ?? {}).map(([field, c]: [string, AuditChange | undefined]) => ({
    field,
    before: valueText(record.entity, field, c?.before, words, record.names ?? null),
    after: valueText(record.entity, field, c?.after, words, record.names ?? null),
  }));
}

/** The i18n key of what a record did, in domain words: position create → 任命, person create → 登记人员. */
export function eventKey(record: Pick<AuditRecord, 'action' | 'entity'>, has: (key: string) => boolean): string {
  const specific = `auditEvent.${record.entity}.${record.action}`;
  return has(specific) ? specific : `auditAction.${record.action}`;
}

/** What a record is about, in words, and the page it opens: a person (or her position) → her page; a body → its page. */
export function subjectOf(record: AuditRecord): AuditValue | null {
  const label = record.entity_label ?? (record.entity === 'person' || record.entity === 'position' ? record.person_name : null) ?? null;
  if (label === null) return null;
  if ((record.entity === 'person' || record.entity === 'position') && record.person_id !== null) return { text: label, link: { name: 'person', id: record.person_id } };
  if (record.entity === 'organisation' && typeof record.entity_id === 'number') return { text: label, link: { name: 'organisation', id: record.entity_id } };
  return plain(label);
}
