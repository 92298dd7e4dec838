// The browser tab's title follows the page (screen readers announce it, and a clerk with several tabs
// finds hers): `<page> · 巾帼`, back to the app's own title when the page is left.
import { onBeforeUnmount, watchEffect } from 'vue';

export function documentTitle(page: string, product: string): string {
  return page.trim() === '' ? product : `${page} · ${product}`;
}

export function useDocumentTitle(page: () => string, product: () => string): void {
  const before = document.title;
  watchEffect(() => {
    document.title = documentTitle(page(), product());
  });
  onBeforeUnmount(() => {
    document.title = before;
  });
}
