import { describe, expect, it } from 'vitest';
import { changeRows } from './changes';

describe('audit changes', () => {
  it('lists each field with its before and after, lists a line an item, codes by label', () => {
    const label = (field: string, code: string) => (field === 'role' && code === 'executive' ? '执委' : code);
    const rows = changeRows(
      {
        role: { before: null, after: 'executive' },
        overridden_findings: { before: null, after: ['总人数 36 人，应为 25–35 人', '执委 33 人，应为 22–32 人'] },
        pilot: { before: false, after: true },
      },
      label,
    );
    expect(rows).toEqual([
      { field: 'role', before: '—', after: '执委' },
      { field: 'overridden_findings', before: '—', after: '总人数 36 人，应为 25–35 人\n执委 33 人，应为 22–32 人' },
      { field: 'pilot', before: 'false', after: 'true' },
    ]);
    expect(changeRows(null)).toEqual([]);
  });
});
