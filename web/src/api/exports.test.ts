import { describe, expect, it } from 'vitest';
import { buildUrl } from './http';
import { auditExport, childrenExport, failingExport, peopleExport, rosterExport } from './exports';
import { peopleFilterQuery } from '@/views/people/usePeople';
import { auditFilterQuery } from '@/views/audit/useAudit';

const url = (r: { path: string; query: Record<string, string | number | boolean | null | undefined> }) => buildUrl(r.path, r.query);

describe('list exports', () => {
  it('ask for a roster on its date, full numbers only when asked', () => {
    expect(url(rosterExport(12, '2026-11-30', false))).toBe('/api/organisations/12/roster.xlsx?on=2026-11-30');
    expect(url(rosterExport(12, '2026-11-30', true))).toBe('/api/organisations/12/roster.xlsx?on=2026-11-30&full=true');
  });

  it('carry the people list’s filters, without paging or sort', () => {
    const list = { q: ' 王 ', organisation: 7, role: 'chair', manner: '', source: '', status: 'former' as const, sort: 'name' as const, order: 'asc' as const, page: 3 };
    expect(url(peopleExport(peopleFilterQuery(list), false))).toBe(`/api/people.xlsx?q=${encodeURIComponent('王')}&organisation_id=7&role=chair&status=former`);
    const none = { q: '', organisation: null, role: '', manner: '', source: '', status: '' as const, sort: '' as const, order: '' as const, page: 1 };
    expect(url(peopleExport(peopleFilterQuery(none), true))).toBe('/api/people.xlsx?full=true');
  });

  it('name the body for its children, the scope and date for failing bodies', () => {
    expect(url(childrenExport(3))).toBe('/api/organisations/3/children.xlsx');
    expect(url(failingExport(5, '2026-01-01'))).toBe('/api/compliance/failing.xlsx?within=5&on=2026-01-01');
    expect(url(failingExport(null, ''))).toBe('/api/compliance/failing.xlsx');
  });

  it('carry the audit filters', () => {
    const f = { within: 2, person: '', account: 'daoli', from: '2026-11-01', to: '2026-11-30', action: 'export' as const, page: 2 };
    expect(url(auditExport(auditFilterQuery(f)))).toBe('/api/audit.xlsx?within=2&account=daoli&from=2026-11-01&to=2026-11-30&action=export');
  });
});
