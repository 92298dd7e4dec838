import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { snapshotOf, useDirty } from './useDirty';

describe('useDirty', () => {
  it('is clean until a value differs from the opening values, and clean again when it is put back', () => {
    const form = reactive({ name: '', role: '', start_on: '2026-11-30', tags: [] as string[] });
    const { dirty } = useDirty(() => form);
    expect(dirty.value).toBe(false);
    form.name = '欧阳晓萱';
    expect(dirty.value).toBe(true);
    form.name = '  ';
    expect(dirty.value).toBe(false);
    form.tags.push('x');
    expect(dirty.value).toBe(true);
  });

  it('takes a new clean state on reset', () => {
    const form = reactive({ name: '' });
    const { dirty, reset } = useDirty(() => form);
    form.name = '张三';
    reset();
    expect(dirty.value).toBe(false);
  });

  it('compares nested values and ignores surrounding spaces', () => {
    expect(snapshotOf({ a: { b: ' x ' } })).toBe(snapshotOf({ a: { b: 'x' } }));
    expect(snapshotOf({ a: 1 })).not.toBe(snapshotOf({ a: 2 }));
    expect(snapshotOf(undefined)).toBe('');
  });
});
