import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { toApiError } from '@/api/errors';
import { peopleApi } from '@/api/people';
import type { Person } from '@/api/types';
import { formToBody, usePersonForm } from './usePersonForm';

vi.mock('@/api/people', () => ({ peopleApi: { create: vi.fn(), update: vi.fn() } }));

const person: Person = {
  id: 7, name: '王秀兰', id_number: '11010519491231002X', id_number_masked: '110105********002X',
  birth_date: '1949-12-31', sex: 'female', ethnicity: '01', political_status: null, education: null,
  work_unit: null, job_title: null, mobile: null, office_phone: null, notes: null,
};

describe('formToBody', () => {
  it('trims, sends blanks as null and normalises the ID number', () => {
    const body = formToBody(
      { name: ' 王秀兰 ', id_number: '１１０１０５１９４９１２３１００２ｘ', ethnicity: '01', political_status: '', education: '',
        work_unit: '  ', job_title: '', mobile: '13804512345', office_phone: '', notes: '' },
      '2026-11-28',
    );
    expect(body).toEqual({
      name: '王秀兰', id_number: '11010519491231002X', ethnicity: '01', political_status: null, education: null,
      work_unit: null, job_title: null, mobile: '13804512345', office_phone: null, notes: null,
    });
  });
});

describe('usePersonForm', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(peopleApi.create).mockReset();
  });

  it('derives birth date and sex as soon as the ID number is valid', () => {
    const { form, derived } = usePersonForm(null);
    form.id_number = '11010519491231002';
    expect(derived.value).toBeNull();
    form.id_number = '11010519491231002x';
    expect(derived.value).toEqual({ birthDate: '1949-12-31', sex: 'female' });
  });

  it('keeps person_exists on the ID number field with the existing person', async () => {
    vi.mocked(peopleApi.create).mockRejectedValue(
      toApiError(409, { error: { code: 'person_exists', field: 'id_number', message: '该身份证号已登记', message_en: 'exists', existing_id: 42 } }),
    );
    const { form, server, save } = usePersonForm(null);
    form.name = '王秀兰';
    form.id_number = '11010519491231002X';
    await expect(save()).resolves.toBeNull();
    expect(server.errors.id_number).toBe('该身份证号已登记');
    expect(server.existingId).toBe(42);
    expect(vi.mocked(peopleApi.create).mock.calls[0][1]).toContain('id_number');
  });

  it('updates an existing person', async () => {
    vi.mocked(peopleApi.update).mockResolvedValue({ ...person, name: '王秀英' });
    const { form, save } = usePersonForm(person);
    expect(form.name).toBe('王秀兰');
    form.name = '王秀英';
    await expect(save()).resolves.toMatchObject({ name: '王秀英' });
    expect(vi.mocked(peopleApi.update).mock.calls[0][0]).toBe(7);
  });
});

describe('carriedInput', () => {
  it('carries a typed ID number to the ID field and anything else to the name', async () => {
    const { carriedInput } = await import('./usePersonForm');
    expect(carriedInput('230102198501041234')).toEqual({ id_number: '230102198501041234' });
    expect(carriedInput(' 23010219850104123x ')).toEqual({ id_number: '23010219850104123x' });
    expect(carriedInput('欧阳晓萱')).toEqual({ name: '欧阳晓萱' });
    expect(carriedInput('  ')).toEqual({});
  });
});
