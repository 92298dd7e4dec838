// Restructuring a body from a day (docs/api-contract.md, "Issue 11 (second step)"): which changes a
// body allows, the rule of the day a change takes effect, a history row's period and the notice shown
// on the body a merge lands on. Pure: the server decides in the end; these say so before she sends.
import type { BodyType, IsoDate, OrganisationDetail, OrganisationVersion } from '@/api/types';
import type { Check, Problem } from '@/domain/form-rules';
import { isBlank } from '@/domain/form-rules';

/** 改建: a 村妇代会 becomes a 村妇联, a 村妇联 a 社区妇联 (村改居); nothing else converts. */
const conversions: Partial<Record<BodyType, BodyType>> = {
  village_congress: 'village',
  village: 'community',
};

export function conversionOf(type: BodyType): BodyType | null {
  return conversions[type] ?? null;
}

/** Whether a conversion changes the roles (主任/副主任/委员 → 主席/副主席/执委). */
export function conversionRenamesRoles(from: BodyType): boolean {
  return from === 'village_congress';
}

/** 撤并 joins bodies of one level: district-level, street/township, or community/village level. */
const levels: readonly (readonly BodyType[])[] = [
  ['district', 'county', 'county_city'],
  ['street', 'township'],
  ['community', 'village', 'village_congress'],
];

/** The types a body of `type` may be merged into (none for the city). */
export function mergeTargetTypes(type: BodyType): BodyType[] {
  return [...(levels.find((level) => level.includes(type)) ?? [])];
}

export interface Restructurings {
  rename: boolean;
  /** The type it would become, or null when it cannot be converted. */
  convertTo: BodyType | null;
  merge: boolean;
}

/**
 * The dated changes the page offers for a body. An open body can be renamed and, by its type,
 * converted; merging also closes it, so (as closing) it needs `mayClose` and a parent.
 */
export function restructuringsOf(organisation: Pick<OrganisationDetail, 'type' | 'open' | 'parent_id'>, mayClose: boolean): Restructurings {
  const open = organisation.open;
  return {
    rename: open,
    convertTo: open ? conversionOf(organisation.type) : null,
    merge: open && mayClose && organisation.parent_id !== null && mergeTargetTypes(organisation.type).length > 0,
  };
}

/** Whether a day lies after today (a change cannot be dated in the future). */
export function isAfter(day: IsoDate, today: IsoDate): boolean {
  return day > today;
}

/** The day a change takes effect: required, not after today. */
export function checkChangeDate(today: IsoDate): Check<string | null | undefined> {
  return (value) => (isBlank(value) ? { key: 'rules.required_date' } : checkOptionalChangeDate(today)(value));
}

/** The day of a move: empty is a correction; a day may not be after today. */
export function checkOptionalChangeDate(today: IsoDate): Check<string | null | undefined> {
  return (value) => (!isBlank(value) && isAfter(value as string, today) ? { key: 'restructure.dateInFuture', params: { today } } : null);
}

/** A version's period in words: 始终, 2020-01-01 至今, 2020-01-01 以前, 2019-01-01 至 2020-01-01. */
export function periodOf(version: Pick<OrganisationVersion, 'valid_from' | 'valid_to'>): Problem {
  const { valid_from: from, valid_to: to } = version;
  if (from === null && to === null) return { key: 'restructure.history.always' };
  if (from === null) return { key: 'restructure.history.before', params: { to: to as string } };
  if (to === null) return { key: 'restructure.history.since', params: { from } };
  return { key: 'restructure.history.between', params: { from, to } };
}

/**
 * The open children of a body that share a name with an open child of the body it merges into:
 * two bodies under one parent may not share a name, so the server refuses such a merge.
 */
export function clashingNames(children: readonly { name: string; open: boolean }[], targetChildren: readonly { name: string; open: boolean }[]): string[] {
  const taken = new Set(targetChildren.filter((c) => c.open).map((c) => c.name));
  return children.filter((c) => c.open && taken.has(c.name)).map((c) => c.name);
}

/** What a merge did, carried to the body it landed on (in the history entry's state). */
export interface MergeNotice {
  from: string;
  into: string;
  on: IsoDate;
  moved_children: number;
  moved_members: number;
  ended_positions: number;
}

/** The merge notice in a history state, or null when there is none (or it is not one). */
export function readMergeNotice(state: unknown): MergeNotice | null {
  if (typeof state !== 'object' || state === null) return null;
  const notice = (state as { merged?: unknown }).merged;
  if (typeof notice !== 'object' || notice === null) return null;
  const n = notice as Record<string, unknown>;
  const texts = ['from', 'into', 'on'].every((k) => typeof n[k] === 'string');
  const counts = ['moved_children', 'moved_members', 'ended_positions'].every((k) => typeof n[k] === 'number');
  return texts && counts ? (n as unknown as MergeNotice) : null;
}
