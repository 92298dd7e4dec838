import { describe, expect, it } from 'vitest';
import { fromTableSort, toTableSort } from './tableSort';

describe('table sort in the URL', () => {
  it('maps both ways and drops unknown columns', () => {
    expect(fromTableSort('name', 'descending', ['name', 'start_on'] as const)).toEqual({ sort: 'name', order: 'desc' });
    expect(fromTableSort('name', null, ['name'] as const)).toEqual({ sort: '', order: '' });
    expect(fromTableSort('age', 'ascending', ['name'] as const)).toEqual({ sort: '', order: '' });
    expect(toTableSort('name', 'desc')).toEqual({ prop: 'name', order: 'descending' });
    expect(toTableSort('', '')).toBeUndefined();
  });
});
