// The campaign's plain rules for the pages: how a body's standing reads and sorts, the dashboard's
// summary line, the drift of a frozen form, which actions a state allows, and the milestone
// dialog's checks. No Vue, no HTTP: unit-tested alone (campaign.test.ts).
import type { FormAnswer, FormColumn, FormNumber } from '@/api/forms';
import { formatDateTime } from './dates';
import type { CampaignDetail, CampaignPatch, DashboardItem, GroupMemberInput, GroupRole, Drift, FormSnapshot, MilestoneInput, MilestoneKind, MilestoneLevel, Standing, TextSnapshot } from '@/api/campaigns';

/** Element Plus tag type for a standing or a version's state. */
export function standingTone(state: Standing | 'submitted' | 'returned' | 'accepted'): 'info' | 'warning' | 'danger' | 'success' {
  switch (state) {
    case 'accepted':
      return 'success';
    case 'returned':
      return 'danger';
    case 'submitted':
      return 'warning';
    default:
      return 'info';
  }
}

/** What needs the level above first: returned, then not started, then awaiting her decision, then done. */
const standingRank: Record<Standing, number> = { returned: 0, not_started: 1, draft: 2, submitted: 3, accepted: 4 };

export const dashboardSorts = ['state', 'overdue'] as const;
export type DashboardSort = (typeof dashboardSorts)[number];

/** The dashboard's rows sorted as the URL says; without a sort, tree order (the server's). Stable. */
export function sortDashboard(items: readonly DashboardItem[], sort: DashboardSort | '', order: 'asc' | 'desc' | ''): DashboardItem[] {
  const rows = items.map((item, index) => ({ item, index }));
  if (sort === '') return rows.map((r) => r.item);
  const sign = order === 'desc' ? -1 : 1;
  const key = (i: DashboardItem) => (sort === 'state' ? standingRank[i.state] : i.overdue_days);
  rows.sort((a, b) => sign * (key(a.item) - key(b.item)) || a.index - b.index);
  return rows.map((r) => r.item);
}

export interface DashboardSummary {
  total: number;
  accepted: number;
  submitted: number;
  returned: number;
  notStarted: number;
  /** saved as a draft, not yet submitted */
  draft: number;
  /** not submitted (or returned) after the due date */
  overdue: number;
}

/** The counts behind "共18个，已通过3、待审核2、已退回1、未上报12（逾期12）". */
export function summarise(items: readonly DashboardItem[]): DashboardSummary {
  const count = (s: Standing) => items.filter((i) => i.state === s).length;
  return {
    total: items.length,
    accepted: count('accepted'),
    submitted: count('submitted'),
    returned: count('returned'),
    notStarted: count('not_started'),
    draft: count('draft'),
    overdue: items.filter((i) => i.overdue_days > 0).length,
  };
}

/** A body may (re)submit when it has not yet, or its latest version was returned. */
export function maySubmit(state: Standing): boolean {
  return state === 'not_started' || state === 'draft' || state === 'returned';
}

/** The level above reminds a body that has not submitted (or was given its report back). */
export function mayRemind(state: Standing): boolean {
  return state === 'not_started' || state === 'draft' || state === 'returned';
}

/** The first characters of a SHA-256, enough to compare by eye; the whole is copied. */
export function shortSha(sha: string, length = 12): string {
  return sha.slice(0, length);
}

export function isFormSnapshot(snapshot: FormSnapshot | TextSnapshot): snapshot is FormSnapshot {
  return 'rows' in snapshot && Array.isArray(snapshot.rows);
}

/** The frozen rows and totals inside the form's layout (headings, columns), for the form table. */
export function frozenForm(layout: FormAnswer, snapshot: FormSnapshot): FormAnswer {
  const totals = snapshot.totals
    ? Object.fromEntries(Object.entries(snapshot.totals).filter((e): e is [string, number] => typeof e[1] === 'number'))
    : null;
  return { ...layout, title: snapshot.title, within: snapshot.within, on: snapshot.on, baseline: snapshot.baseline, rows: snapshot.rows, totals };
}

export interface DriftLine {
  row: string;
  column: string;
  submitted: string;
  live: string;
}

/**
 * The drift in words: each cell's row label (or `totalLabel`), column label, and the numbers then
 * and now ("乡镇 扩大后 37 → 38"). Unknown keys fall back to the key itself, never to nothing.
 */
export function driftLines(drift: readonly Drift[], snapshot: FormSnapshot, columns: readonly FormColumn[], totalLabel: string): DriftLine[] {
  const rowLabel = (key: string) => (key === 'total' ? totalLabel : (snapshot.rows.find((r) => String(r.key) === key)?.label ?? key));
  const columnLabel = (key: string) => columns.find((c) => c.key === key)?.label ?? key;
  const number = (n: number | null) => (n === null ? '—' : String(n));
  return drift.map((d) => ({ row: rowLabel(d.row), column: columnLabel(d.column), submitted: number(d.submitted), live: number(d.live) }));
}

/** "乡镇 扩大后 37 → 38" */
export function driftText(line: DriftLine): string {
  return `${line.row} ${line.column} ${line.submitted} → ${line.live}`;
}

/** The latest version awaiting the level above's decision, if any (versions are newest first). */
export function awaitingDecision(versions: readonly { id: number; state: string }[]): number | null {
  const latest = versions[0];
  return latest && latest.state === 'submitted' ? latest.id : null;
}

/** The milestone dialog's form: what she types. */
export interface MilestoneForm {
  title: string;
  kind: MilestoneKind;
  form: FormNumber | null;
  level: MilestoneLevel;
  due_on: string;
  report_on: string;
  sort_order: number | null;
}

export type MilestoneProblem = 'titleRequired' | 'dueRequired' | 'formRequired';

/** What is wrong before sending, field by field (i18n keys under campaign.check). */
export function milestoneProblems(f: MilestoneForm): Partial<Record<keyof MilestoneForm, MilestoneProblem>> {
  const out: Partial<Record<keyof MilestoneForm, MilestoneProblem>> = {};
  if (f.title.trim() === '') out.title = 'titleRequired';
  if (f.due_on === '') out.due_on = 'dueRequired';
  if (f.kind === 'form' && (f.form === null || f.form < 1 || f.form > 5)) out.form = 'formRequired';
  return out;
}

/** The request body: a form number only for a form milestone, an empty report date left to the server. */
export function milestoneInput(f: MilestoneForm): MilestoneInput {
  return {
    title: f.title.trim(),
    kind: f.kind,
    form: f.kind === 'form' ? (f.form ?? undefined) : undefined,
    level: f.level,
    due_on: f.due_on,
    report_on: f.kind === 'form' && f.report_on !== '' ? f.report_on : null,
    sort_order: f.sort_order ?? undefined,
  };
}

/** Milestones by due date, then the campaign's own order. */
export function milestonesInDueOrder<M extends { due_on: string; sort_order: number; id: number }>(items: readonly M[]): M[] {
  return [...items].sort((a, b) => a.due_on.localeCompare(b.due_on) || a.sort_order - b.sort_order || a.id - b.id);
}

/**
 * Whether her body runs the campaign or holds it in its scope (she may add and edit milestones). She sees a
 * campaign run by her own chain or inside her scope: one run from above her (on her path, not her body) is not hers.
 */
export function runsCampaign(own: { id: number; path: readonly { id: number }[] } | null, campaignOrganisationId: number): boolean {
  if (!own) return false;
  if (own.id === campaignOrganisationId) return true;
  return !own.path.some((step) => step.id === campaignOrganisationId);
}

/** The local day of a server timestamp ("2026-11-30T19:30:28Z" → its date here), '—' when none. */
export function dayOf(timestamp: string | null | undefined): string {
  return formatDateTime(timestamp).slice(0, 10);
}

/** The campaign page's tabs, kept in the URL as ?tab= (the first is the default, left out). */
export const campaignTabs = ['milestones', 'group', 'contacts', 'spot-checks', 'scores', 'pilots'] as const;
export type CampaignTab = (typeof campaignTabs)[number];

/** A share of 0..1 as a percentage to one decimal ("62.5%"), '—' when there is nothing to share. */
export function shareText(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** The summary lines in a fixed order, pilots first, whatever order the server sends them in. */
export function byPilotGroup<T extends { group: 'pilots' | 'others' }>(lines: readonly T[]): T[] {
  const rank = { pilots: 0, others: 1 };
  return [...lines].sort((a, b) => rank[a.group] - rank[b.group]);
}

/** The campaign dialog's form: what she types (dates as YYYY-MM-DD, '' when none). */
export interface CampaignForm {
  name: string;
  document_number: string;
  document_date: string;
  document_text: string;
  office: string;
  baseline_on: string;
}

export function campaignForm(c: CampaignDetail): CampaignForm {
  return {
    name: c.name,
    document_number: c.document_number ?? '',
    document_date: c.document_date ?? '',
    document_text: c.document_text ?? '',
    office: c.office ?? '',
    baseline_on: c.baseline_on,
  };
}

/** The PATCH body: only the fields she changed (trimmed), so that a field left alone is not rewritten. */
export function campaignPatch(before: CampaignForm, after: CampaignForm): CampaignPatch {
  const patch: CampaignPatch = {};
  for (const key of Object.keys(after) as (keyof CampaignForm)[]) {
    const value = after[key].trim();
    if (value !== before[key].trim()) patch[key] = value;
  }
  return patch;
}

export type CampaignProblem = 'nameRequired' | 'baselineRequired';

export function campaignProblems(f: CampaignForm): Partial<Record<keyof CampaignForm, CampaignProblem>> {
  const out: Partial<Record<keyof CampaignForm, CampaignProblem>> = {};
  if (f.name.trim() === '') out.name = 'nameRequired';
  if (f.baseline_on === '') out.baseline_on = 'baselineRequired';
  return out;
}

/** The member dialog's form. */
export interface MemberForm {
  name: string;
  role: GroupRole;
  post: string;
  sort_order: number | null;
}

export type MemberProblem = 'nameRequired' | 'nameTooLong' | 'postTooLong';

export function memberProblems(f: MemberForm): Partial<Record<keyof MemberForm, MemberProblem>> {
  const out: Partial<Record<keyof MemberForm, MemberProblem>> = {};
  const name = [...f.name.trim()].length;
  if (name === 0) out.name = 'nameRequired';
  else if (name > 50) out.name = 'nameTooLong';
  if ([...f.post.trim()].length > 100) out.post = 'postTooLong';
  return out;
}

export function memberInput(f: MemberForm): GroupMemberInput {
  return { name: f.name.trim(), role: f.role, post: f.post.trim() || undefined, sort_order: f.sort_order ?? undefined };
}
