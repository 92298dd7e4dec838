// Spot checks (抽查) of a campaign (docs/api-contract.md, "Spot checks"): the level above a district
// draws a sample of its streets, townships and grassroots bodies from a seed, then records what each
// visit found. Wire shapes only.
import { http } from './http';
import type { IsoDate } from './types';

export type Stratum = 'township' | 'grassroots';
export type SpotFinding = 'confirmed' | 'differences';
export const spotFindings: readonly SpotFinding[] = ['confirmed', 'differences'];

export interface SpotCheck {
  id: number;
  campaign_id: number;
  /** the district sampled */
  organisation_id: number;
  organisation_name: string;
  /** a decimal string (a 64-bit number does not fit a JSON number) */
  seed: string;
  sample_size: number;
  drawn_at: string;
  drawn_by: string;
  /** findings recorded so far, and how many of them found differences */
  checked: number;
  differences: number;
}

export interface SpotCheckItem {
  organisation_id: number;
  organisation_name: string;
  type: string;
  type_label: string;
  stratum: Stratum;
  finding: SpotFinding | null;
  differences: string | null;
  notes: string | null;
  checked_on: IsoDate | null;
  checked_by: string | null;
}

export interface SpotCheckDetail extends SpotCheck {
  items: SpotCheckItem[];
}

export interface DrawInput {
  organisation_id: number;
  sample_size: number;
  /** digits only; absent: the server picks one */
  seed?: string;
}

export interface FindingInput {
  organisation_id: number;
  finding: SpotFinding;
  differences?: string;
  notes?: string;
  checked_on?: IsoDate;
}

export const spotChecksApi = {
  list: (campaignId: number) => http.get<{ items: SpotCheck[] }>(`/campaigns/${campaignId}/spot-checks`),
  draw: (campaignId: number, input: DrawInput) =>
    http.post<SpotCheckDetail>(`/campaigns/${campaignId}/spot-checks`, input, ['organisation_id', 'sample_size', 'seed']),
  get: (id: number) => http.get<SpotCheckDetail>(`/spot-checks/${id}`),
  record: (id: number, input: FindingInput) =>
    http.post<SpotCheckDetail>(`/spot-checks/${id}/findings`, input, ['finding', 'differences', 'notes', 'checked_on']),
};
