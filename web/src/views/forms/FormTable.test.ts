// The form table mounted with a form 4 shaped as the contract gives it: the merged headings as real
// <th colspan rowspan scope>, each count a button named in words, the 合计 row; and form 3's names as links.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '@/i18n';
import type { FormAnswer } from '@/api/forms';
import FormTable from './FormTable.vue';
import { form4 } from './form4.fixture';

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', component: { render: () => null } },
    { path: '/people/:id', name: 'person', component: { render: () => null } },
  ],
});

function mountTable(form: FormAnswer) {
  i18n.global.locale.value = 'zh-CN';
  return mount(FormTable, { props: { form }, global: { plugins: [router, i18n] } });
}

const attrs = (el: Element) => ({
  text: el.textContent?.trim(),
  colspan: el.getAttribute('colspan'),
  rowspan: el.getAttribute('rowspan'),
  scope: el.getAttribute('scope'),
});

describe('the form table', () => {
  it('draws form 4’s three header rows with the merged cells, spans and scopes', () => {
    const table = mountTable(form4).find('table').element;
    expect(table.querySelector('caption')?.textContent).toContain('附表4');
    expect(table.querySelector('caption')?.textContent).toContain('扩大基层妇联组织成员情况统计表');
    const rows = [...table.querySelectorAll('thead tr')];
    expect(rows).toHaveLength(3);
    expect([...rows[0].querySelectorAll('th')].map(attrs)).toEqual([
      { text: '组织层级', colspan: null, rowspan: '3', scope: 'col' },
      { text: '组织数（个）', colspan: null, rowspan: '3', scope: 'col' },
      { text: '成员数（人）', colspan: '3', rowspan: null, scope: 'colgroup' },
      { text: '按职务（人）', colspan: '6', rowspan: null, scope: 'colgroup' },
      { text: '按任职方式（人）', colspan: '2', rowspan: null, scope: 'colgroup' },
    ]);
    expect([...rows[1].querySelectorAll('th')].map(attrs)).toEqual([
      { text: '扩大前', colspan: null, rowspan: '2', scope: 'col' },
      { text: '扩大后', colspan: null, rowspan: '2', scope: 'col' },
      { text: '新增', colspan: null, rowspan: '2', scope: 'col' },
      { text: '妇联', colspan: '3', rowspan: null, scope: 'colgroup' },
      { text: '妇代会', colspan: '3', rowspan: null, scope: 'colgroup' },
      { text: '专职', colspan: null, rowspan: '2', scope: 'col' },
      { text: '兼职', colspan: null, rowspan: '2', scope: 'col' },
    ]);
    expect([...rows[2].querySelectorAll('th')].map((th) => th.textContent?.trim())).toEqual(['主席', '副主席', '执委', '主任', '副主任', '委员']);
    // the grid adds up as a browser lays it out: each header row covers the 13 leaf columns exactly once
    const taken = rows.map(() => Array<number>(13).fill(0));
    rows.forEach((row, r) => {
      let c = 0;
      for (const th of row.querySelectorAll('th')) {
        while (taken[r][c]) c++;
        const [rs, cs] = [Number(th.getAttribute('rowspan') ?? 1), Number(th.getAttribute('colspan') ?? 1)];
        for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i][j]++;
        c += cs;
      }
    });
    expect(taken.flat().every((n) => n === 1)).toBe(true);
  });

  it('heads each row with its level, names the headings of every count, and right-aligns numbers', () => {
    const table = mountTable(form4).find('table').element;
    const body = [...table.querySelectorAll('tbody tr')];
    expect(body.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual(['乡镇', '街道', '村妇代会']);
    expect(body[0].querySelector('th')?.getAttribute('scope')).toBe('row');
    const after = body[0].querySelector('td[data-column="members_after"]')!;
    expect(after.classList.contains('jg-num')).toBe(true);
    const names = (after.getAttribute('headers') ?? '').split(' ').map((id) => table.querySelector(`#${id}`)?.textContent?.trim());
    expect(names).toEqual(['成员数（人）', '扩大后', '乡镇']);
  });

  it('makes every count above zero a button named in words, and emits the cell it stands for', async () => {
    const wrapper = mountTable(form4);
    const buttons = wrapper.findAll('button[data-testid="form-count"]');
    // zeros are plain text: nobody is behind them
    expect(wrapper.find('td[data-column="director"]').find('button').exists()).toBe(false);
    const after = wrapper.find('tbody tr td[data-column="members_after"] button');
    expect(after.attributes('aria-label')).toBe('乡镇，成员数（人） · 扩大后：25，查看名单');
    expect(wrapper.find('tbody tr td[data-column="bodies"] button').attributes('aria-label')).toBe('乡镇，组织数（个）：1，查看组织');
    expect(buttons.length).toBeGreaterThan(20);
    await after.trigger('click');
    expect(wrapper.emitted('open')).toEqual([[{ row: 'township', column: 'members_after' }]]);
  });

  it('adds the 合计 row, each count above zero opening everyone of every row', async () => {
    const wrapper = mountTable(form4);
    const totals = wrapper.find('tfoot tr');
    expect(totals.find('th').text()).toBe('合计');
    expect(totals.find('th').attributes('scope')).toBe('row');
    expect(totals.findAll('td').map((td) => td.text())).toEqual(['6', '29', '67', '38', '3', '7', '45', '3', '3', '6', '5', '62']);
    const after = totals.find('td[data-column="members_after"] button');
    expect(after.attributes('aria-label')).toBe('合计，成员数（人） · 扩大后：67，查看名单');
    expect(totals.findAll('button').length).toBe(12);
    await after.trigger('click');
    expect(wrapper.emitted('open')).toEqual([[{ row: 'total', column: 'members_after' }]]);
  });

  it('does not offer a number typed in (form 2’s delegates) as a count', () => {
    const columns = form4.columns.map((c) => (c.key === 'added' ? { ...c, count: false } : { ...c, count: c.numeric }));
    const wrapper = mountTable({ ...form4, columns });
    expect(wrapper.find('tbody td[data-column="added"] button').exists()).toBe(false);
    expect(wrapper.find('tfoot td[data-column="added"] button').exists()).toBe(false);
    expect(wrapper.find('tbody td[data-column="members_after"] button').exists()).toBe(true);
  });

  it('keeps the table in a focusable box that scrolls, named for the screen reader', () => {
    const box = mountTable(form4).find('[data-testid="form-box"]');
    expect(box.attributes('tabindex')).toBe('0');
    expect(box.attributes('role')).toBe('region');
    expect(box.attributes('aria-label')).toContain('扩大基层妇联组织成员情况统计表');
  });

  it('heads form 3’s rows with the person’s name, a link to her page, and draws no 合计', () => {
    const form3: FormAnswer = {
      ...form4,
      form: 3,
      title: '区、县（市）妇联兼职副主席和执常委人员登记表',
      columns: [
        { key: 'unit', label: '单位', numeric: false },
        { key: 'name', label: '姓名', numeric: false },
        { key: 'phone', label: '手机', numeric: false },
      ],
      headings: [],
      header_rows: 1,
      rows: [{ key: 41, label: '王秀英', cells: { unit: '道里区妇联', name: '王秀英', phone: '139****1234' } }],
      totals: null,
    };
    const wrapper = mountTable(form3);
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['单位', '姓名', '手机']);
    const head = wrapper.find('tbody th');
    expect(head.attributes('scope')).toBe('row');
    expect(head.find('a').attributes('href')).toBe('/people/41');
    expect(wrapper.find('tfoot').exists()).toBe(false);
    expect(wrapper.find('button').exists()).toBe(false);
  });
});
