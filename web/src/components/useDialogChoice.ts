// Which of a section's dialogs is open, and on which entry: `open('edit', entry)` (null to add),
// and `v-bind="model('edit')"` on the dialog so that closing it clears the choice.
import { ref, type Ref } from 'vue';

export function useDialogChoice<Name extends string, T>() {
  const dialog = ref<Name | null>(null) as Ref<Name | null>;
  const chosen = ref<T | null>(null) as Ref<T | null>;

  function open(name: Name, entry: T | null): void {
    chosen.value = entry;
    dialog.value = name;
  }

  function model(name: Name) {
    return {
      modelValue: dialog.value === name,
      'onUpdate:modelValue': (visible: boolean) => {
        dialog.value = visible ? name : null;
      },
    };
  }

  return { dialog, chosen, open, model };
}
