import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@/api/auth-types';
import { changeRows, eventKey, subjectOf, type AuditWords } from './changes';

const words: AuditWords = {
  code: (entity, field, value) =>
    field === 'role' && entity === 'position' && value === 'executive' ? '执委' : field === 'role' && entity === 'account' && value === 'operator' ? '操作员' : null,
  flag: (v) => (v ? '是' : '否'),
  finding: (f) => (typeof f.message === 'string' ? f.message : null),
};

const record: AuditRecord = {
  id: 1, at: '2026-11-30T01:00:00Z', actor: 'daoli', account_id: 3, address: null, action: 'create', entity: 'position', entity_id: 52158,
  organisation_id: 1117, organisation_name: '红星村妇代会', person_id: 49362, person_name: '张三', entity_label: '张三 · 执委 · 红星村妇代会',
  names: { organisation_id: { '1117': '红星村妇代会' }, person_id: { '49362': '张三' } },
  changes: {
    role: { before: null, after: 'executive' },
    person_id: { before: null, after: 49362 },
    organisation_id: { before: null, after: 1117 },
    overridden_findings: { before: null, after: [{ message: '执委 33 人，应为 22–32 人' }] },
    pilot: { before: false, after: true },
  },
};

describe('the audit vocabulary', () => {
  it('shows codes by label, ids by name with a link, flags as words, findings as sentences', () => {
    const rows = changeRows(record, words);
    expect(rows.map((r) => [r.field, r.before.text, r.after.text])).toEqual([
      ['role', '—', '执委'],
      ['person_id', '—', '张三'],
      ['organisation_id', '—', '红星村妇代会'],
      ['overridden_findings', '—', '执委 33 人，应为 22–32 人'],
      ['pilot', '否', '是'],
    ]);
    expect(rows[1].after.link).toEqual({ name: 'person', id: 49362 });
    expect(rows[2].after.link).toEqual({ name: 'organisation', id: 1117 });
    expect(changeRows({ entity: 'person', changes: null, names: null }, words)).toEqual([]);
  });

  it('reads an account role as an account role, and an id without a name as the id', () => {
    const rows = changeRows({ entity: 'account', names: null, changes: { role: { before: null, after: 'operator' }, organisation_id: { before: 4, after: 5 } } }, words);
    expect(rows[0].after.text).toBe('操作员');
    expect(rows[1].after).toEqual({ text: '5', link: { name: 'organisation', id: 5 } });
  });

  it('names the event in domain words where there are some', () => {
    const has = (key: string) => key === 'auditEvent.position.create';
    expect(eventKey({ action: 'create', entity: 'position' }, has)).toBe('auditEvent.position.create');
    expect(eventKey({ action: 'login', entity: 'session' }, has)).toBe('auditAction.login');
  });

  it('says what a record is about and where it leads', () => {
    expect(subjectOf(record)).toEqual({ text: '张三 · 执委 · 红星村妇代会', link: { name: 'person', id: 49362 } });
    expect(subjectOf({ ...record, entity: 'organisation', entity_id: 1117, entity_label: '红星村妇代会', person_id: null })?.link).toEqual({ name: 'organisation', id: 1117 });
    expect(subjectOf({ ...record, entity_label: null, person_name: null })).toBeNull();
  });
});
