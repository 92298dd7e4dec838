// The submit step every form dialog shares: validate, clear old server errors, call,
// keep the server's field errors on the form (the pipeline has shown any other).
import { ref, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';

interface ErrorSink {
  clear(): void;
  capture(error: unknown): boolean;
}

export function useFormSubmit<T>(formRef: Ref<FormInstance | undefined>, server: ErrorSink, action: () => Promise<T>) {
  const saving = ref(false);

  async function submit(): Promise<T | null> {
    const valid = await (formRef.value?.validate() ?? Promise.resolve(false)).catch(() => false);
    if (!valid) return null;
    server.clear();
    saving.value = true;
    try {
      return await action();
    } catch (error) {
      server.capture(error);
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { saving, submit };
}
