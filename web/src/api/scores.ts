// Target scores (目标考核) of a campaign (docs/api-contract.md, "Issue 12 (second step)", "Target scores"):
// the scheme (an ordered list of weighted items) and the ranking of the districts it gives. Wire shapes only;
// the editor's rules and the table's sorting are in domain/scores.ts.
import { request, type RequestOptions } from './http';
import type { IsoDate } from './types';

export type ScoreMeasure = 'compliance' | 'timeliness' | 'spot_check' | 'accepted';
export const scoreMeasures: readonly ScoreMeasure[] = ['compliance', 'timeliness', 'spot_check', 'accepted'];

export interface ScoreItem {
  id: number;
  measure: ScoreMeasure;
  measure_label: string;
  label: string;
  weight: number;
  milestone_id: number | null;
  milestone_title: string | null;
  on: IsoDate | null;
  per_day_penalty: number | null;
}

export interface ScoreItemInput {
  measure: ScoreMeasure;
  weight: number;
  label?: string;
  milestone_id?: number;
  on?: IsoDate;
  per_day_penalty?: number;
}

export interface ScorePart {
  score_item_id: number;
  points: number;
  /** a short plain text in Chinese: "达标 45/50", "逾期 3 天", "未抽查" */
  detail: string;
  /** the same in English: "45 of 50 meet the rules", "3 days late", "not checked" */
  detail_en?: string;
}

export interface ScoreLine {
  rank: number;
  organisation_id: number;
  organisation_name: string;
  total: number;
  parts: ScorePart[];
}

export interface Scores {
  campaign_id: number;
  max: number;
  scheme: ScoreItem[];
  /** the highest total first; equal totals share a rank */
  items: ScoreLine[];
}

export const scoresApi = {
  scheme: (campaignId: number) => request<{ items: ScoreItem[] }>(`/campaigns/${campaignId}/score-scheme`),
  /** The whole scheme replaced; field errors (`items[2].weight`) are the editor's to show under their row. */
  saveScheme: (campaignId: number, items: ScoreItemInput[], fieldsHandled: RequestOptions['fieldsHandled']) =>
    request<{ items: ScoreItem[] }>(`/campaigns/${campaignId}/score-scheme`, { method: 'PUT', body: { items }, fieldsHandled }),
  scores: (campaignId: number) => request<Scores>(`/campaigns/${campaignId}/scores`),
  exportRequest: (campaignId: number) => ({ path: `/campaigns/${campaignId}/scores.xlsx`, query: {}, fallbackName: 'scores.xlsx' }),
};
