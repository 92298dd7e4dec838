// The submit step every form dialog shares: validate, clear old server errors, call,
// keep the server's field errors on the form (the pipeline has shown any other).
import { ref, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { showSuccess } from '@/ui';

interface ErrorSink {
  clear(): void;
  capture(error: unknown): boolean;
}

/** What a dialog does once saved: say so, close, and hand the result on. */
export function dialogDone<T>(visible: Ref<boolean>, message: () => string, handOn: (result: T) => void) {
  return (result: T): void => {
    showSuccess(message());
    visible.value = false;
    handOn(result);
  };
}

export function useFormSubmit<T>(
  formRef: Ref<FormInstance | undefined>,
  server: ErrorSink,
  action: () => Promise<T>,
  onSaved: (result: T) => void = () => undefined,
) {
  const saving = ref(false);

  async function submit(): Promise<T | null> {
    const valid = await (formRef.value?.validate() ?? Promise.resolve(false)).catch(() => false);
    if (!valid) return null;
    server.clear();
    saving.value = true;
    try {
      const result = await action();
      onSaved(result);
      return result;
    } catch (error) {
      server.capture(error);
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { saving, submit };
}
