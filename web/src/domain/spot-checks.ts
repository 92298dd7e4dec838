// Spot checks (抽查): the checks of the draw and finding dialogs, and how a sample reads. No Vue, no
// HTTP: unit-tested alone (spot-checks.test.ts).
import type { IsoDate } from '@/api/types';
import type { SpotCheckItem, SpotFinding } from '@/api/spot-checks';

/** The contract's sample sizes. */
export const minSample = 1;
export const maxSample = 500;
/** The largest seed the server takes: a 64-bit unsigned number, written in decimal. */
const maxSeed = 18446744073709551615n;

export interface DrawForm {
  organisation_id: number | null;
  sample_size: number | null;
  seed: string;
}

export type DrawProblem = 'districtRequired' | 'sizeRange' | 'seedDigits' | 'seedTooLarge';

export function drawProblems(f: DrawForm): Partial<Record<keyof DrawForm, DrawProblem>> {
  const out: Partial<Record<keyof DrawForm, DrawProblem>> = {};
  if (f.organisation_id === null) out.organisation_id = 'districtRequired';
  if (f.sample_size === null || !Number.isInteger(f.sample_size) || f.sample_size < minSample || f.sample_size > maxSample) out.sample_size = 'sizeRange';
  const seed = f.seed.trim();
  if (seed !== '' && !/^\d+$/.test(seed)) out.seed = 'seedDigits';
  else if (seed !== '' && BigInt(seed) > maxSeed) out.seed = 'seedTooLarge';
  return out;
}

export interface FindingForm {
  finding: SpotFinding | null;
  differences: string;
  notes: string;
  checked_on: string;
}

export type FindingProblem = 'findingRequired' | 'differencesRequired' | 'checkedOnRequired' | 'checkedOnFuture';

/** A finding of differences says what differs; the day of the visit is not after today. */
export function findingProblems(f: FindingForm, today: IsoDate): Partial<Record<keyof FindingForm, FindingProblem>> {
  const out: Partial<Record<keyof FindingForm, FindingProblem>> = {};
  if (f.finding === null) out.finding = 'findingRequired';
  if (f.finding === 'differences' && f.differences.trim() === '') out.differences = 'differencesRequired';
  if (f.checked_on === '') out.checked_on = 'checkedOnRequired';
  else if (f.checked_on > today) out.checked_on = 'checkedOnFuture';
  return out;
}

/** The form of an item: empty for a body not yet visited, what was recorded otherwise (to correct it). */
export function findingForm(item: SpotCheckItem, today: IsoDate): FindingForm {
  return { finding: item.finding, differences: item.differences ?? '', notes: item.notes ?? '', checked_on: item.checked_on ?? today };
}

/** Element Plus tag type for a finding. */
export function findingTone(finding: SpotFinding): 'success' | 'danger' {
  return finding === 'confirmed' ? 'success' : 'danger';
}

/** The districts a spot check may sample: the runner's open district-level children. */
export function isDistrictLevel(type: string): boolean {
  return type === 'district' || type === 'county' || type === 'county_city';
}
