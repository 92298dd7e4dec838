import { describe, expect, it } from 'vitest';
import type { FailingBody } from '@/api/staffing-types';
import { pageOf, viewFailing } from './failing';

function body(id: number, name: string, status: 'short' | 'over', district: number): FailingBody {
  return { organisation_id: id, name, type: 'village_congress', type_label: '村妇代会', district_id: district, status, findings: [] };
}

const items = [body(1, '红星村妇代会', 'short', 20), body(2, '东风村妇代会', 'over', 10), body(3, '红星村妇代会', 'over', 10)];
const districts: Record<number, string> = { 10: '道里区妇联', 20: '呼兰区妇联' };
const name = (id: number | null) => (id === null ? '' : districts[id]);

describe('the failing list', () => {
  it('keeps the tree order without a sort, and filters by status', () => {
    expect(viewFailing(items, { status: '', sort: '', order: '' }, name).map((b) => b.organisation_id)).toEqual([1, 2, 3]);
    expect(viewFailing(items, { status: 'over', sort: '', order: '' }, name).map((b) => b.organisation_id)).toEqual([2, 3]);
  });

  it('sorts by a column both ways, equal rows in tree order', () => {
    expect(viewFailing(items, { status: '', sort: 'status', order: 'asc' }, name).map((b) => b.organisation_id)).toEqual([2, 3, 1]);
    expect(viewFailing(items, { status: '', sort: 'district', order: 'desc' }, name).map((b) => b.organisation_id)).toEqual([1, 2, 3]);
    expect(viewFailing(items, { status: '', sort: 'name', order: 'asc' }, name).map((b) => b.organisation_id)).toEqual([2, 1, 3]);
  });

  it('pages', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3], 3, 2)).toEqual([]);
  });
});
