// The person form's state: fields, what the ID number tells (birth date, sex), and saving
// (create or update) with the server's field errors kept for the form.
import { computed, reactive } from 'vue';
import { peopleApi } from '@/api/people';
import type { Person, PersonFields, PersonInput } from '@/api/types';
import { parseIdNumber } from '@/domain/id-number';
import { todayIso } from '@/domain/dates';
import { useServerErrors } from '@/components/useServerErrors';
import { useDirty } from '@/components/useDirty';
import type { MaskedValues } from './rules';

export type EditableField = Exclude<keyof PersonFields, 'birth_date' | 'sex'>;

export const personFields: readonly EditableField[] = [
  'name',
  'id_number',
  'ethnicity',
  'political_status',
  'education',
  'work_unit',
  'job_title',
  'mobile',
  'office_phone',
  'notes',
];

export type PersonFormModel = Record<EditableField, string>;

export function emptyPersonForm(): PersonFormModel {
  return Object.fromEntries(personFields.map((f) => [f, ''])) as PersonFormModel;
}

export function personToForm(person: Person): PersonFormModel {
  const form = emptyPersonForm();
  for (const f of personFields) form[f] = person[f] ?? '';
  return form;
}

/** The request body: trimmed text, blanks as null, the ID number normalised. */
export function formToBody(form: PersonFormModel, today: string): PersonInput {
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  const id = parseIdNumber(form.id_number, today);
  return {
    name: form.name.trim(),
    id_number: id.ok ? id.value : form.id_number.trim(),
    ethnicity: text(form.ethnicity),
    political_status: text(form.political_status),
    education: text(form.education),
    work_unit: text(form.work_unit),
    job_title: text(form.job_title),
    mobile: text(form.mobile),
    office_phone: text(form.office_phone),
    notes: text(form.notes),
  };
}

export function maskedOf(person: Person | null): MaskedValues {
  return person ? { id_number: person.id_number, mobile: person.mobile, office_phone: person.office_phone } : {};
}

/** The server keeps a stored value when its masked form comes back; we simply do not send it. */
export function withoutUnchanged(body: PersonInput, masked: MaskedValues): Partial<PersonInput> {
  const out: Partial<PersonInput> = { ...body };
  for (const key of ['id_number', 'mobile', 'office_phone'] as const) {
    if (masked[key] && body[key] === masked[key]) delete out[key];
  }
  return out;
}

/** What the clerk typed elsewhere (a search) carried into a new form: digits and X go to the ID number, the rest to the name. */
export function carriedInput(typed: string): Partial<PersonFormModel> {
  const text = typed.trim();
  if (text === '') return {};
  return /^[0-9xX０-９]{6,}$/.test(text.replace(/\s/g, '')) ? { id_number: text } : { name: text };
}

export function usePersonForm(existing: Person | null, carried: Partial<PersonFormModel> = {}) {
  const today = todayIso();
  const form = reactive<PersonFormModel>(existing ? personToForm(existing) : { ...emptyPersonForm(), ...carried });
  const { dirty } = useDirty(() => form);
  const server = useServerErrors(personFields);
  const masked = maskedOf(existing);

  const derived = computed(() => {
    if (existing && form.id_number === masked.id_number) return { birthDate: existing.birth_date, sex: existing.sex };
    const r = parseIdNumber(form.id_number, today);
    return r.ok ? { birthDate: r.birthDate, sex: r.sex } : null;
  });

  async function save(): Promise<Person | null> {
    server.clear();
    const body = withoutUnchanged(formToBody(form, today), masked);
    try {
      const person = existing
        ? await peopleApi.update(existing.id, body, personFields)
        : await peopleApi.create(formToBody(form, today), personFields);
      return person;
    } catch (error) {
      server.capture(error);
      return null;
    }
  }

  return { form, derived, server, today, masked, dirty, save };
}
