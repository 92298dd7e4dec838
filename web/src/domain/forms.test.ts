import { describe, expect, it } from 'vitest';
import { parseQuery, formatQuery } from '@/components/useQueryState';
import { form4 } from '@/views/forms/form4.fixture';
import {
  baselineAfterReport, cellLabelParts, cellText, closesByBack, columnPath, drillKind, formHeaderGrid, formPageSchema, formatCell,
  countOf, hasCount, headerGrid, headingsFromColumns, isCalendarDate, isDrillable, parseCell, parseFormNumber, readsBaseline,
  rowHeaderColumn, rowValue, totalsNote,
} from './forms';

const schema = formPageSchema(() => 3, () => '2026-11-30');

describe('the form page’s state in the URL', () => {
  it.each([
    ['nothing: her own organisation, today, the server’s baseline, no drill-down', {}, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['a scope and both dates', { within: '17', on: '2016-09-20', baseline: '2016-06-01' }, { within: 17, on: '2016-09-20', baseline: '2016-06-01', cell: '', page: 1 }],
    ['an open count', { on: '2016-09-20', cell: 'township:members_after' }, { within: 3, on: '2016-09-20', baseline: '', cell: 'township:members_after', page: 1 }],
    ['a district’s id as the row', { cell: '42:executive' }, { within: 3, on: '2026-11-30', baseline: '', cell: '42:executive', page: 1 }],
    ['not a day of the calendar', { on: '2016-02-30', baseline: '2016-13-01' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['not a date at all', { on: '20.9.2016', baseline: 'yesterday' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['a scope that is no id', { within: '-4' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['a zero scope', { within: '0' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['a count without its column', { cell: 'township' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
    ['a count with markup in it', { cell: 'township:<b>' }, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 }],
  ])('reads %s', (_, query, state) => {
    expect(parseQuery(schema, query)).toEqual(state);
  });

  it('writes only what differs from the defaults, so that a shared link stays short', () => {
    expect(formatQuery(schema, { within: 3, on: '2026-11-30', baseline: '', cell: '', page: 1 })).toEqual({});
    expect(formatQuery(schema, { within: 17, on: '2016-09-20', baseline: '2016-06-01', cell: 'township:added', page: 1 })).toEqual({
      within: '17',
      on: '2016-09-20',
      baseline: '2016-06-01',
      cell: 'township:added',
    });
  });

  it('takes only the five forms from the route', () => {
    expect(parseFormNumber('4')).toBe(4);
    expect(parseFormNumber(['2'])).toBe(2);
    for (const bad of ['0', '6', '04', '4.0', '', 'x', undefined, null]) expect(parseFormNumber(bad)).toBeNull();
  });

  it('knows a calendar day', () => {
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2015-02-29')).toBe(false);
    expect(isCalendarDate('2016-9-20')).toBe(false);
  });

  it('reads and writes a count as ROW:COLUMN', () => {
    expect(parseCell('township:members_after')).toEqual({ row: 'township', column: 'members_after' });
    expect(parseCell('17:source_03')).toEqual({ row: '17', column: 'source_03' });
    expect(parseCell(':added')).toBeNull();
    expect(parseCell('township:')).toBeNull();
    expect(formatCell({ row: 'street', column: 'chair' })).toBe('street:chair');
    expect(formatCell(null)).toBe('');
  });

  it('notices a baseline later than the report date', () => {
    expect(baselineAfterReport('2016-09-20', '2016-06-01')).toBe(false);
    expect(baselineAfterReport('2016-05-01', '2016-06-01')).toBe(true);
    expect(baselineAfterReport('2016-05-01', '')).toBe(false);
  });

  it('closes the drill-down with Back only when the entry before is the form without it', () => {
    expect(closesByBack('/forms/4?on=2016-09-20', '/forms/4?on=2016-09-20')).toBe(true);
    expect(closesByBack(null, '/forms/4?on=2016-09-20')).toBe(false); // opened from a shared link
    expect(closesByBack('/people', '/forms/4')).toBe(false);
  });
});

describe('the merged headings of a form', () => {
  it('puts each heading in the row it starts on, with its spans and scope', () => {
    const grid = headerGrid(form4.headings, form4.header_rows, form4.columns.length);
    expect(grid).not.toBeNull();
    const rows = grid!.rows.map((r) => r.map((c) => `${c.text}/${c.rowSpan}x${c.colSpan}/${c.scope}`));
    expect(rows).toEqual([
      ['组织层级/3x1/col', '组织数（个）/3x1/col', '成员数（人）/1x3/colgroup', '按职务（人）/1x6/colgroup', '按任职方式（人）/1x2/colgroup'],
      ['扩大前/2x1/col', '扩大后/2x1/col', '新增/2x1/col', '妇联/1x3/colgroup', '妇代会/1x3/colgroup', '专职/2x1/col', '兼职/2x1/col'],
      ['主席/1x1/col', '副主席/1x1/col', '执委/1x1/col', '主任/1x1/col', '副主任/1x1/col', '委员/1x1/col'],
    ]);
  });

  it('names every heading above a column, outermost first, for the cells’ headers', () => {
    const grid = headerGrid(form4.headings, form4.header_rows, form4.columns.length)!;
    const text = (ids: string[]) => ids.map((id) => grid.rows.flat().find((c) => c.id === id)?.text);
    expect(text(grid.columnHeaders[0])).toEqual(['组织层级']);
    expect(text(grid.columnHeaders[3])).toEqual(['成员数（人）', '扩大后']);
    expect(text(grid.columnHeaders[9])).toEqual(['按职务（人）', '妇代会', '副主任']);
  });

  it('derives the same headings from the columns as the server sends', () => {
    const derived = headingsFromColumns(form4.columns);
    expect(derived.headerRows).toBe(3);
    const order = (hs: typeof form4.headings) => [...hs].sort((a, b) => a.row - b.row || a.column - b.column);
    expect(order(derived.headings)).toEqual(order(form4.headings));
  });

  it('makes one row of headings for a form without groups', () => {
    const columns = [
      { key: 'unit', label: '单位', numeric: false },
      { key: 'name', label: '姓名', numeric: false },
    ];
    const { headings, headerRows } = headingsFromColumns(columns);
    expect(headerRows).toBe(1);
    expect(headings).toEqual([
      { text: '单位', row: 0, column: 0, row_span: 1, column_span: 1 },
      { text: '姓名', row: 0, column: 1, row_span: 1, column_span: 1 },
    ]);
  });

  it('does not merge equal group names that are not adjacent or sit under different parents', () => {
    const columns = [
      { key: 'a', label: 'A', group: ['甲', '小计'], numeric: true },
      { key: 'b', label: 'B', group: ['乙', '小计'], numeric: true },
      { key: 'c', label: 'C', group: ['甲'], numeric: true },
    ];
    const { headings } = headingsFromColumns(columns);
    expect(headings.filter((h) => h.text === '小计').map((h) => h.column_span)).toEqual([1, 1]);
    expect(headings.filter((h) => h.text === '甲').map((h) => h.column)).toEqual([0, 2]);
  });

  it.each([
    ['overlapping headings', [...form4.headings, { text: 'x', row: 0, column: 0, row_span: 1, column_span: 1 }]],
    ['a hole in the grid', form4.headings.filter((h) => h.text !== '委员')],
    ['a heading past the last column', [...form4.headings.slice(0, -1), { text: '兼职', row: 1, column: 12, row_span: 2, column_span: 2 }]],
  ])('refuses %s, and the page falls back to the columns’ own headings', (_, headings) => {
    expect(headerGrid(headings, 3, form4.columns.length)).toBeNull();
    const grid = formHeaderGrid({ ...form4, headings });
    expect(grid.rows.map((r) => r.length)).toEqual([5, 7, 6]);
  });
});

describe('the body of a form', () => {
  const [township] = form4.rows;
  const column = (key: string) => form4.columns.find((c) => c.key === key)!;

  it('heads each row with its label, else the person’s name, else the first column', () => {
    expect(rowHeaderColumn(form4.columns)).toBe('label');
    expect(rowHeaderColumn([{ key: 'unit', label: '单位', numeric: false }, { key: 'name', label: '姓名', numeric: false }])).toBe('name');
    expect(rowHeaderColumn([{ key: 'unit', label: '单位', numeric: false }])).toBe('unit');
  });

  it('shows the row’s label in the label column and dashes for nothing', () => {
    expect(rowValue(township, 'label')).toBe('乡镇');
    expect(rowValue(township, 'members_after')).toBe(25);
    expect(rowValue(township, 'nothing')).toBeNull();
    expect(cellText(null)).toBe('—');
    expect(cellText(0)).toBe('0');
    expect(cellText('2016-03-08')).toBe('2016-03-08');
  });

  it('opens counts above zero only', () => {
    expect(isDrillable(column('members_after'), 25)).toBe(true);
    expect(isDrillable(column('director'), 0)).toBe(false);
    expect(isDrillable(column('label'), '乡镇')).toBe(false);
    expect(isDrillable({ key: 'last_election', label: '上次换届', numeric: false }, '2016-03-08')).toBe(false);
  });

  it('names a count by its row, its full heading and its value', () => {
    expect(columnPath(column('vice_chair'))).toBe('按职务（人） · 妇联 · 副主席');
    expect(cellLabelParts(township, column('members_after'), 25)).toEqual({ row: '乡镇', column: '成员数（人） · 扩大后', value: 25 });
    expect(drillKind('bodies')).toBe('bodies');
    expect(drillKind('added')).toBe('people');
  });
});

describe('the 合计 row, the drill-down’s pages and the baseline', () => {
  it('keeps the open count’s page in the URL, the first page left out', () => {
    expect(parseQuery(schema, { cell: 'total:added', page: '3' })).toMatchObject({ cell: 'total:added', page: 3 });
    expect(parseQuery(schema, { page: '0' }).page).toBe(1);
    expect(parseQuery(schema, { page: 'two' }).page).toBe(1);
    expect(formatQuery(schema, { within: 3, on: '2026-11-30', baseline: '', cell: 'total:added', page: 1 })).toEqual({ cell: 'total:added' });
  });

  it('reads a count of a row or of the 合计 row', () => {
    expect(countOf(form4, { row: 'total', column: 'members_after' })).toBe(67);
    expect(countOf(form4, { row: 'township', column: 'members_after' })).toBe(25);
    expect(countOf(form4, { row: 'nowhere', column: 'members_after' })).toBeNull();
    expect(countOf({ ...form4, totals: null }, { row: 'total', column: 'members_after' })).toBeNull();
  });

  it('opens only the counts a form has: its rows, its 合计 row when it has one, its count columns', () => {
    expect(hasCount(form4, { row: 'total', column: 'added' })).toBe(true);
    expect(hasCount(form4, { row: 'street', column: 'added' })).toBe(true);
    expect(hasCount({ ...form4, totals: null }, { row: 'total', column: 'added' })).toBe(false);
    expect(hasCount(form4, { row: 'total', column: 'label' })).toBe(false);
    const typedIn = form4.columns.map((c) => (c.key === 'added' ? { ...c, count: false } : c));
    expect(hasCount({ ...form4, columns: typedIn }, { row: 'total', column: 'added' })).toBe(false);
  });

  it('does not offer a number typed in (count: false) as a count', () => {
    const column = { key: 'delegates', label: '总数', numeric: true, count: false };
    expect(isDrillable(column, 210)).toBe(false);
    expect(isDrillable({ ...column, count: true }, 210)).toBe(true);
    expect(isDrillable({ key: 'executive', label: '执委', numeric: true }, 3)).toBe(true); // an older answer: numeric decides
  });

  it.each([
    ['the rows add up to more people than there are', 67, 60, { sum: 67, distinct: 60 }],
    ['nobody counted twice', 67, 67, null],
    ['fewer (新增 is after less before)', 38, 41, null],
    ['no 合计 cell', null, 5, null],
  ])('says both numbers only when %s', (_, sum, distinct, note) => {
    expect(totalsNote(sum, distinct)).toEqual(note);
  });

  it('asks for the baseline only on forms that count on it', () => {
    expect(readsBaseline(form4)).toBe(true);
    expect(readsBaseline({ ...form4, reads_baseline: false })).toBe(false);
    expect(readsBaseline({ columns: [{ key: 'label', label: '区', numeric: false }, { key: 'executive', label: '执委', numeric: true }] })).toBe(false);
  });
});
