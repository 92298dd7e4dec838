import { describe, expect, it } from 'vitest';
import { useDialogChoice } from './useDialogChoice';

describe('a section’s dialogs', () => {
  it('open on an entry (or none, to add) and clear when closed', () => {
    const { dialog, chosen, open, model } = useDialogChoice<'edit' | 'end', { id: number }>();
    open('edit', null);
    expect(dialog.value).toBe('edit');
    expect(model('edit').modelValue).toBe(true);
    expect(model('end').modelValue).toBe(false);
    open('end', { id: 4 });
    expect(chosen.value).toEqual({ id: 4 });
    model('end')['onUpdate:modelValue'](false);
    expect(dialog.value).toBeNull();
  });
});
