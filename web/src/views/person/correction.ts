// Correcting a position (a mistaken role, date, manner, source or note; an end undone) and
// deleting one entered by mistake: the form, and the request body of what changed.
import type { IsoDate, Position, PositionCorrection } from '@/api/types';
import { asRule, isBlank, maxLength, required, requiredDate, type Check, type Translate } from '@/domain/form-rules';
import type { FormRules } from 'element-plus';

export const reasonMax = 200;

export interface CorrectionForm {
  role: string;
  manner: string;
  source: string;
  start_on: IsoDate;
  /** false: the position is held again (its end undone). */
  ended: boolean;
  end_on: IsoDate;
  end_reason: string;
  notes: string;
  reason: string;
}

export function correctionForm(p: Position): CorrectionForm {
  return {
    role: p.role,
    manner: p.manner,
    source: p.source ?? '',
    start_on: p.start_on,
    ended: p.end_on !== null,
    end_on: p.end_on ?? '',
    end_reason: p.end_reason ?? '',
    notes: p.notes ?? '',
    reason: '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Only the fields that differ from the stored position, plus the reason; null when nothing changed. */
export function correctionBody(p: Position, f: CorrectionForm): PositionCorrection | null {
  const body: PositionCorrection = { reason: f.reason.trim() };
  if (f.role !== p.role) body.role = f.role;
  if (f.manner !== p.manner) body.manner = f.manner;
  if (orNull(f.source) !== p.source) body.source = orNull(f.source);
  if (f.start_on !== p.start_on) body.start_on = f.start_on;
  const endOn = f.ended ? f.end_on : null;
  if (endOn !== p.end_on) body.end_on = endOn;
  const endReason = f.ended ? orNull(f.end_reason) : null;
  if (endReason !== p.end_reason) body.end_reason = endReason;
  if (orNull(f.notes) !== p.notes) body.notes = orNull(f.notes);
  return Object.keys(body).length > 1 ? body : null;
}

export function correctionRules(translate: Translate, ended: () => boolean): FormRules {
  const reason: Check<string | null | undefined> = (v) => required('position.correctionReason', translate)(v) ?? maxLength(reasonMax)(v);
  return {
    role: [asRule(required('position.role', translate), translate, 'change')],
    manner: [asRule(required('position.manner', translate), translate, 'change')],
    start_on: [asRule(requiredDate, translate, 'change')],
    end_on: [asRule((v: string) => (ended() && isBlank(v) ? { key: 'rules.required_date' } : null), translate, 'change')],
    end_reason: [asRule((v: string) => (ended() ? required('position.endReason', translate)(v) : null), translate)],
    reason: [asRule(reason, translate)],
  };
}
