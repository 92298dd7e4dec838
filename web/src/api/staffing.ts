import { http } from './http';
import type { IsoDate } from './types';
import type { Compliance, Composition, RuleSet, RuleSetList, RuleSetVersions, Schedule } from './staffing-types';

export const staffingApi = {
  composition: (organisationId: number, on?: IsoDate) =>
    http.get<Composition>(`/organisations/${organisationId}/composition`, { on }),
  compliance: (query: { within?: number; on?: IsoDate; baseline?: IsoDate; page?: number; page_size?: number }) =>
    http.get<Compliance>('/compliance', { ...query }),
  ruleSets: () => http.get<RuleSetList>('/rule-sets'),
  versions: (code: string) => http.get<RuleSetVersions>(`/rule-sets/${code}`),
  ruleSet: (code: string, version: number) => http.get<RuleSet>(`/rule-sets/${code}/${version}`),
  saveRuleSet: (body: RuleSet, fieldsHandled?: readonly string[]) => http.post<RuleSet>('/rule-sets', body, fieldsHandled),
  schedule: () => http.get<Schedule>('/rule-sets/schedule'),
  addToSchedule: (body: { effective_from: IsoDate; code: string; version: number }, fieldsHandled?: readonly string[]) =>
    http.post<Schedule>('/rule-sets/schedule', body, fieldsHandled),
};
