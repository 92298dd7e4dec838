import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zhCN from '@/locales/zh-CN';
import en from '@/locales/en';
import type { CampaignDetail, DashboardItem, FormSnapshot, Standing } from '@/api/campaigns';
import type { FormAnswer, FormColumn } from '@/api/forms';
import {
  awaitingDecision,
  byPilotGroup,
  campaignForm,
  campaignPatch,
  campaignProblems,
  driftLines,
  driftText,
  frozenForm,
  isFormSnapshot,
  mayRemind,
  maySubmit,
  memberInput,
  memberProblems,
  milestoneInput,
  milestoneProblems,
  milestonesInDueOrder,
  runsCampaign,
  shareText,
  shortSha,
  sortDashboard,
  standingTone,
  summarise,
  type MilestoneForm,
} from './campaign';

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } });
const t = i18n.global.t;

function item(id: number, state: Standing, overdue = 0): DashboardItem {
  return {
    organisation_id: id,
    organisation_name: `body ${id}`,
    type: 'district',
    pilot: false,
    state,
    overdue_days: overdue,
    version: state === 'not_started' ? null : 1,
    submission_id: state === 'not_started' ? null : id * 10,
    submitted_at: null,
    days_late: 0,
    reminders: 0,
    last_reminded_at: null,
  };
}

/** 18 bodies: 3 accepted, 2 awaiting review, 1 returned (overdue), 12 not submitted, 12 of those overdue. */
const eighteen: DashboardItem[] = [
  ...[1, 2, 3].map((i) => item(i, 'accepted')),
  ...[4, 5].map((i) => item(i, 'submitted')),
  item(6, 'returned', 0),
  ...Array.from({ length: 12 }, (_, k) => item(7 + k, 'not_started', 30 + k)),
];

describe('the dashboard', () => {
  it('sums up in one line, in both languages', () => {
    const s = summarise(eighteen);
    expect(s).toEqual({ total: 18, accepted: 3, submitted: 2, returned: 1, notStarted: 12, draft: 0, overdue: 12 });
    expect(t('campaign.summary', { ...s })).toBe('共18个，已通过3、待审核2、已退回1、草稿0、未上报12（逾期12）');
    i18n.global.locale.value = 'en';
    expect(t('campaign.summary', { ...s })).toBe('18 in all: 3 accepted, 2 awaiting review, 1 returned, 0 drafts, 12 not submitted (12 overdue)');
    i18n.global.locale.value = 'zh-CN';
  });

  it.each([
    ['', '', [1, 2, 3, 4]],
    ['state', 'asc', [3, 1, 4, 2]],
    ['state', 'desc', [2, 4, 1, 3]],
    ['overdue', 'desc', [3, 1, 2, 4]],
    ['overdue', 'asc', [2, 4, 1, 3]],
  ] as const)('sorts by %s %s (stable, tree order without a sort)', (sort, order, ids) => {
    const rows = [item(1, 'not_started', 5), item(2, 'accepted'), item(3, 'returned', 9), item(4, 'submitted')];
    expect(sortDashboard(rows, sort, order).map((r) => r.organisation_id)).toEqual(ids);
  });
});

describe('a standing', () => {
  it.each([
    ['not_started', 'info', true, true],
    ['submitted', 'warning', false, false],
    ['returned', 'danger', true, true],
    ['accepted', 'success', false, false],
  ] as const)('%s reads as %s; submit %s, remind %s', (state, tone, submit, remind) => {
    expect(standingTone(state)).toBe(tone);
    expect(maySubmit(state)).toBe(submit);
    expect(mayRemind(state)).toBe(remind);
    expect(t(`campaign.state.${state}`)).not.toBe(`campaign.state.${state}`);
  });

  it('is decided on the latest version only when it is submitted', () => {
    expect(awaitingDecision([{ id: 7, state: 'submitted' }, { id: 3, state: 'returned' }])).toBe(7);
    expect(awaitingDecision([{ id: 3, state: 'returned' }])).toBeNull();
    expect(awaitingDecision([])).toBeNull();
  });
});

const columns: FormColumn[] = [
  { key: 'label', label: '组织层级', numeric: false },
  { key: 'members_after', label: '扩大后', group: ['成员数（人）'], numeric: true },
];
const snapshot: FormSnapshot = {
  form: 4,
  version: 1,
  title: '扩大基层妇联组织成员情况统计表',
  within: { id: 2, name: '道里区妇联' },
  on: '2016-09-20',
  baseline: '2016-06-01',
  rows: [{ key: 'township', label: '乡镇', cells: { label: '乡镇', members_after: 37 } }],
  totals: { label: null, members_after: 37 },
};

describe('a frozen form', () => {
  it('says its drift in words: row, column, then → now', () => {
    const lines = driftLines(
      [
        { row: 'township', column: 'members_after', submitted: 37, live: 38 },
        { row: 'total', column: 'members_after', submitted: 37, live: null },
        { row: 'gone', column: 'unknown', submitted: null, live: 2 },
      ],
      snapshot,
      columns,
      '合计',
    ).map(driftText);
    expect(lines).toEqual(['乡镇 扩大后 37 → 38', '合计 扩大后 37 → —', 'gone unknown — → 2']);
  });

  it('takes its rows and totals from the snapshot and its layout from the form', () => {
    const layout = { form: 4, columns, headings: [], header_rows: 2, rows: [], totals: { members_after: 99 }, title: 'live' } as unknown as FormAnswer;
    const f = frozenForm(layout, snapshot);
    expect(f.rows).toBe(snapshot.rows);
    expect(f.totals).toEqual({ members_after: 37 });
    expect(f.header_rows).toBe(2);
    expect(f.title).toBe(snapshot.title);
    expect(isFormSnapshot(snapshot)).toBe(true);
    expect(isFormSnapshot({ text: '好的做法' })).toBe(false);
  });

  it('shows the first twelve characters of its checksum', () => {
    expect(shortSha('4e49113fa42a59dc425b251c70ea8a743555bfae0e87691771f1e1bd8f2d16fe')).toBe('4e49113fa42a');
  });
});

describe('a milestone', () => {
  const base: MilestoneForm = { title: '附表4', kind: 'form', form: 4, level: 'district', due_on: '2016-09-20', report_on: '', sort_order: null };

  it.each([
    [{}, {}],
    [{ title: '  ' }, { title: 'titleRequired' }],
    [{ due_on: '' }, { due_on: 'dueRequired' }],
    [{ form: null }, { form: 'formRequired' }],
    [{ kind: 'account', form: null }, {}],
  ] as const)('with %o has the problems %o', (patch, problems) => {
    expect(milestoneProblems({ ...base, ...patch } as MilestoneForm)).toEqual(problems);
  });

  it('sends a form number only for a form, an empty report date as the due date', () => {
    expect(milestoneInput(base)).toEqual({ title: '附表4', kind: 'form', form: 4, level: 'district', due_on: '2016-09-20', report_on: null, sort_order: undefined });
    expect(milestoneInput({ ...base, kind: 'account', report_on: '2016-09-01', sort_order: 80 })).toMatchObject({ form: undefined, report_on: null, sort_order: 80 });
  });

  it('lists by due date, then the campaign order', () => {
    const m = (id: number, due: string, order: number) => ({ id, due_on: due, sort_order: order });
    expect(milestonesInDueOrder([m(1, '2016-09-20', 70), m(2, '2016-06-03', 10), m(3, '2016-09-20', 60)]).map((x) => x.id)).toEqual([2, 3, 1]);
  });

  it('is edited by the federation that runs the campaign or one above it, not by those below', () => {
    const city = { id: 1, path: [{ id: 1 }] };
    const district = { id: 2, path: [{ id: 1 }, { id: 2 }] };
    expect(runsCampaign(city, 1)).toBe(true);
    expect(runsCampaign(district, 1)).toBe(false);
    expect(runsCampaign(district, 2)).toBe(true);
    expect(runsCampaign(city, 2)).toBe(true);
    expect(runsCampaign(null, 1)).toBe(false);
  });
});

describe('the campaign’s own fields', () => {
  const campaign: CampaignDetail = {
    id: 1,
    organisation_id: 1,
    organisation_name: '哈尔滨市妇联',
    name: '2016年扩大基层妇联组织成员工作',
    document_number: '哈妇发〔2016〕8号',
    document_date: '2016-06-02',
    document_text: null,
    baseline_on: '2016-06-01',
    office: null,
    group: [],
    milestones: [],
  };

  it('sends only what she changed, trimmed', () => {
    const before = campaignForm(campaign);
    expect(before).toMatchObject({ document_text: '', office: '' });
    expect(campaignPatch(before, { ...before })).toEqual({});
    expect(campaignPatch(before, { ...before, office: ' 市妇联组织联络部 ', name: `${before.name} ` })).toEqual({ office: '市妇联组织联络部' });
    expect(campaignPatch(before, { ...before, document_number: '' })).toEqual({ document_number: '' });
  });

  it('needs a name and a baseline', () => {
    expect(campaignProblems({ ...campaignForm(campaign), name: ' ', baseline_on: '' })).toEqual({ name: 'nameRequired', baseline_on: 'baselineRequired' });
    expect(campaignProblems(campaignForm(campaign))).toEqual({});
  });
});

describe('a member of the leadership group', () => {
  it.each([
    [{ name: '王丽' }, {}],
    [{ name: '  ' }, { name: 'nameRequired' }],
    [{ name: '阿'.repeat(51) }, { name: 'nameTooLong' }],
    [{ name: '王丽', post: '职'.repeat(101) }, { post: 'postTooLong' }],
  ] as const)('with %o has the problems %o', (patch, problems) => {
    expect(memberProblems({ role: 'member', post: '', sort_order: null, ...patch })).toEqual(problems);
  });

  it('is sent trimmed, an empty post and order left out', () => {
    expect(memberInput({ name: ' 王丽 ', role: 'leader', post: ' 市妇联主席 ', sort_order: null })).toEqual({ name: '王丽', role: 'leader', post: '市妇联主席', sort_order: undefined });
    expect(memberInput({ name: '王丽', role: 'member', post: '', sort_order: 20 })).toEqual({ name: '王丽', role: 'member', post: undefined, sort_order: 20 });
  });
});

describe('pilots beside the others', () => {
  it('shows a share as a percentage, none as a dash', () => {
    expect([0.625, 1, 0, 1 / 3, null].map(shareText)).toEqual(['62.5%', '100%', '0%', '33.3%', '—']);
  });

  it('lists the pilots first', () => {
    expect(byPilotGroup([{ group: 'others' as const }, { group: 'pilots' as const }]).map((g) => g.group)).toEqual(['pilots', 'others']);
  });
});
