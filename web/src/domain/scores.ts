// Target scores (目标考核): the scheme editor's rows and checks, the sum it shows, the request it sends,
// where a server field error (`items[2].weight`) belongs, and how the ranking table sorts. No Vue, no
// HTTP: unit-tested alone (scores.test.ts).
import type { ScoreItem, ScoreItemInput, ScoreLine, ScoreMeasure, ScorePart } from '@/api/scores';

/** The contract's limits: at most 20 items, each worth 0..100 points, their sum above 0. */
export const maxSchemeItems = 20;
export const maxWeight = 100;
export const maxLabelLength = 200;
/** Percent of the weight lost per day late, when the clerk gives none. */
export const defaultPenalty = 10;

/** One row of the editor as typed; `key` tells rows apart while they move. */
export interface SchemeRow {
  key: number;
  measure: ScoreMeasure;
  label: string;
  weight: number | null;
  milestone_id: number | null;
  on: string;
  per_day_penalty: number | null;
}

export type SchemeField = 'measure' | 'label' | 'weight' | 'milestone_id' | 'on' | 'per_day_penalty';
export const schemeFields: readonly SchemeField[] = ['measure', 'label', 'weight', 'milestone_id', 'on', 'per_day_penalty'];

export type RowProblem = 'weightRequired' | 'weightRange' | 'onRequired' | 'milestoneRequired' | 'penaltyRange' | 'labelTooLong';
export type SchemeProblem = 'empty' | 'tooMany' | 'sumZero';

/** Which extra field a measure needs: a date (compliance), a milestone (timeliness, accepted), a penalty (timeliness). */
export const needsDate = (m: ScoreMeasure) => m === 'compliance';
export const needsMilestone = (m: ScoreMeasure) => m === 'timeliness' || m === 'accepted';
export const needsPenalty = (m: ScoreMeasure) => m === 'timeliness';

let nextKey = 1;

export function blankRow(measure: ScoreMeasure = 'compliance'): SchemeRow {
  return { key: nextKey++, measure, label: '', weight: null, milestone_id: null, on: '', per_day_penalty: needsPenalty(measure) ? defaultPenalty : null };
}

/**
 * The stored scheme as editor rows. A label equal to the one the server would give by default
 * (the measure's label, with the milestone's title) is kept as typed: the clerk sees what is stored.
 */
export function rowsOf(items: readonly ScoreItem[]): SchemeRow[] {
  return items.map((i) => ({
    key: nextKey++,
    measure: i.measure,
    label: i.label,
    weight: i.weight,
    milestone_id: i.milestone_id,
    on: i.on ?? '',
    per_day_penalty: needsPenalty(i.measure) ? (i.per_day_penalty ?? defaultPenalty) : null,
  }));
}

/** The most the scheme gives: the sum of the weights typed so far. */
export function schemeSum(rows: readonly SchemeRow[]): number {
  return rows.reduce((sum, r) => sum + (r.weight ?? 0), 0);
}

const inRange = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

export function rowProblems(row: SchemeRow): Partial<Record<SchemeField, RowProblem>> {
  const out: Partial<Record<SchemeField, RowProblem>> = {};
  if (row.weight === null) out.weight = 'weightRequired';
  else if (!inRange(row.weight, maxWeight)) out.weight = 'weightRange';
  if (needsDate(row.measure) && row.on === '') out.on = 'onRequired';
  if (needsMilestone(row.measure) && row.milestone_id === null) out.milestone_id = 'milestoneRequired';
  if (needsPenalty(row.measure) && row.per_day_penalty !== null && !inRange(row.per_day_penalty, 100)) out.per_day_penalty = 'penaltyRange';
  if (row.label.trim().length > maxLabelLength) out.label = 'labelTooLong';
  return out;
}

export interface SchemeCheck {
  rows: Partial<Record<SchemeField, RowProblem>>[];
  scheme: SchemeProblem | null;
  ok: boolean;
}

/** Everything wrong before sending: row by row, and the scheme as a whole. */
export function checkScheme(rows: readonly SchemeRow[]): SchemeCheck {
  const perRow = rows.map(rowProblems);
  let scheme: SchemeProblem | null = null;
  if (rows.length === 0) scheme = 'empty';
  else if (rows.length > maxSchemeItems) scheme = 'tooMany';
  else if (perRow.every((p) => p.weight === undefined) && schemeSum(rows) <= 0) scheme = 'sumZero';
  return { rows: perRow, scheme, ok: scheme === null && perRow.every((p) => Object.keys(p).length === 0) };
}

/** The PUT body: each item with the fields its measure uses; an empty label left to the server's default. */
export function schemeInput(rows: readonly SchemeRow[]): ScoreItemInput[] {
  return rows.map((r) => {
    const item: ScoreItemInput = { measure: r.measure, weight: r.weight ?? 0 };
    if (r.label.trim() !== '') item.label = r.label.trim();
    if (needsDate(r.measure)) item.on = r.on;
    if (needsMilestone(r.measure) && r.milestone_id !== null) item.milestone_id = r.milestone_id;
    if (needsPenalty(r.measure)) item.per_day_penalty = r.per_day_penalty ?? defaultPenalty;
    return item;
  });
}

/** The rows with one moved up (-1) or down (+1); unchanged at either end. */
export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Where a server field error belongs: `items[2].weight` → row 2's weight; `items` → the scheme. */
export function fieldTarget(field: string): { index: number; field: SchemeField } | 'scheme' | null {
  if (field === 'items') return 'scheme';
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(field);
  if (!m) return null;
  const f = schemeFields.find((x) => x === m[2]);
  return f ? { index: Number(m[1]), field: f } : null;
}

/** Every field name the server may give for a scheme, so that the request pipeline leaves them to the editor. */
export function schemeFieldNames(): string[] {
  return ['items', ...Array.from({ length: maxSchemeItems }, (_, i) => schemeFields.map((f) => `items[${i}].${f}`)).flat()];
}

/** Points to one decimal, without a trailing ".0" (40, 37.5). */
export function pointsText(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** The part of a line for one scheme item (absent when the server sent none). */
export function partOf(line: ScoreLine, itemId: number): ScorePart | undefined {
  return line.parts.find((p) => p.score_item_id === itemId);
}

/** The ranking's sorts: rank (the server's order), name, total, or one item's points (`item-<id>`). */
export type ScoreSort = 'rank' | 'name' | 'total' | `item-${number}`;

export function isScoreSort(value: string): value is ScoreSort {
  return value === 'rank' || value === 'name' || value === 'total' || /^item-\d+$/.test(value);
}

/** The ranking sorted as the URL says; without a sort, the server's order (rank, then tree order). Stable. */
export function sortScores(lines: readonly ScoreLine[], sort: string, order: 'asc' | 'desc' | ''): ScoreLine[] {
  const rows = lines.map((line, index) => ({ line, index }));
  if (!isScoreSort(sort)) return rows.map((r) => r.line);
  const sign = order === 'desc' ? -1 : 1;
  const compare = (a: ScoreLine, b: ScoreLine): number => {
    if (sort === 'name') return a.organisation_name.localeCompare(b.organisation_name, 'zh-CN');
    if (sort === 'rank') return a.rank - b.rank;
    if (sort === 'total') return a.total - b.total;
    const id = Number(sort.slice(5));
    return (partOf(a, id)?.points ?? 0) - (partOf(b, id)?.points ?? 0);
  };
  rows.sort((a, b) => sign * compare(a.line, b.line) || a.index - b.index);
  return rows.map((r) => r.line);
}
