// The nomination pages' plain logic: the list's URL schema and query, which fields a channel
// needs, the tag of a step, the new nomination's body and checks. No DOM: unit-tested alone.
import type { FormRules } from 'element-plus';
import { steps, type Channel, type NominationCreate, type NominationDetail, type NominationEvent, type NominationStep, type NominationsQuery, type Step } from '@/api/nominations';
import { queryField, type QuerySchema } from '@/components/useQueryState';
import { asRule, isBlank, maxLength, required, type Check, type Translate } from '@/domain/form-rules';
import { normaliseIdNumber } from '@/domain/id-number';
import type { IsoDate } from '@/api/types';
import { checkIdNumber, checkMobile, checkName, normaliseMobile } from '@/views/person/rules';

// ---- the list, in the URL ----

export interface NominationFilters {
  organisation: number | null;
  step: Step | '';
  page: number;
}

export const nominationsSchema: QuerySchema<NominationFilters> = {
  organisation: queryField.id(),
  step: queryField.oneOf(steps, ''),
  page: queryField.int(1),
};

export function nominationsQuery(s: NominationFilters, pageSize: number): NominationsQuery {
  return { organisation_id: s.organisation ?? undefined, step: s.step || undefined, page: s.page, page_size: pageSize };
}

// ---- steps and events ----

export type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

/** A step's tag colour: under way (blue), done well (green), failed (red), stopped (grey). */
export function stepTagType(step: Step): TagType {
  switch (step) {
    case 'nominated':
      return 'primary';
    case 'assessed':
    case 'manner_decided':
    case 'confirmed':
      return 'warning';
    case 'appointed':
    case 'certified':
    case 'filed':
      return 'success';
    case 'failed':
    case 'not_confirmed':
      return 'danger';
    case 'withdrawn':
      return 'info';
  }
}

/** The events staff work on these pages (later ones come with later steps of the procedure). */
export const staffEvents: readonly NominationEvent[] = ['assess', 'decide_manner', 'withdraw'];

export function actionsOf(nextEvents: readonly NominationEvent[]): NominationEvent[] {
  return staffEvents.filter((e) => nextEvents.includes(e));
}

/**
 * The timeline: the nomination itself (the server keeps no step for it: who recorded her and
 * when), then each transition, oldest first.
 */
export function timelineOf(n: Pick<NominationDetail, 'created_at' | 'created_by' | 'steps'>): NominationStep[] {
  const created: NominationStep = {
    id: 0,
    event: 'create',
    from_step: null,
    to_step: 'nominated',
    to_step_label: '',
    passed: null,
    manner: null,
    note: null,
    done_by: n.created_by,
    done_at: n.created_at,
  };
  return [created, ...n.steps];
}

// ---- the new nomination ----

/** Who nominated her is asked for (and required) only when residents or a work unit did. */
export function needsNominatedBy(channel: Channel | ''): boolean {
  return channel === 'residents' || channel === 'unit';
}

/** The label key of the nominated_by field: the resident's name or the work unit. */
export function nominatedByLabelKey(channel: Channel | ''): string {
  return channel === 'unit' ? 'nomination.nominatedByUnit' : 'nomination.nominatedByResident';
}

export const limits = { nominated_by: 100, statement: 1000, note: 500 } as const;

export interface NominationForm {
  organisation_id: number | null;
  role: string;
  channel: Channel | '';
  nominated_by: string;
  name: string;
  id_number: string;
  mobile: string;
  statement: string;
}

export function emptyNominationForm(organisationId: number | null = null): NominationForm {
  return { organisation_id: organisationId, role: '', channel: '', nominated_by: '', name: '', id_number: '', mobile: '', statement: '' };
}

function optional(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

/** The nomination of a registered woman by her record: her name, ID number and mobile are the server's to fill. */
export function nominationOfPerson(f: NominationForm, personId: number): NominationCreate {
  const body = nominationBody(f);
  return { organisation_id: body.organisation_id, role: body.role, channel: body.channel, nominated_by: body.nominated_by, person_id: personId, statement: body.statement };
}

export function nominationBody(f: NominationForm): NominationCreate {
  const channel = f.channel as Channel;
  return {
    organisation_id: f.organisation_id ?? 0,
    role: f.role,
    channel,
    nominated_by: needsNominatedBy(channel) ? optional(f.nominated_by) : undefined,
    name: f.name.trim(),
    id_number: normaliseIdNumber(f.id_number),
    mobile: isBlank(f.mobile) ? undefined : normaliseMobile(f.mobile),
    statement: optional(f.statement),
  };
}

function both<T>(...checks: Check<T>[]): Check<T> {
  return (value) => checks.reduce<ReturnType<Check<T>>>((found, c) => found ?? c(value), null);
}

const chosen =
  (key: string): Check<string | number | null> =>
  (value) =>
    value === null || value === '' ? { key } : null;

export function nominationRules(translate: Translate, today: IsoDate, channel: Channel | ''): FormRules {
  const rules: FormRules = {
    organisation_id: [asRule(chosen('nomination.organisationRequired'), translate, 'change')],
    role: [asRule(chosen('nomination.roleRequired'), translate, 'change')],
    channel: [asRule(chosen('nomination.channelRequired'), translate, 'change')],
    name: [asRule(checkName(translate), translate)],
    id_number: [asRule(checkIdNumber(today), translate)],
    mobile: [asRule(checkMobile, translate)],
    statement: [asRule(maxLength(limits.statement), translate)],
  };
  if (needsNominatedBy(channel)) {
    rules.nominated_by = [asRule(both(required(nominatedByLabelKey(channel), translate), maxLength(limits.nominated_by)), translate)];
  }
  return rules;
}
