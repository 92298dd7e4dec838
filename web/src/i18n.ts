// vue-i18n set up once; the chosen language is remembered in localStorage and also
// drives Element Plus's own texts (see App.vue) and the Accept-Language of requests.
import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elZhCn from 'element-plus/es/locale/lang/zh-cn';
import elEn from 'element-plus/es/locale/lang/en';
import zhCN, { type Messages } from './locales/zh-CN';
import en from './locales/en';
import type { Language } from './api/errors';

const storageKey = 'jinguo.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export const i18n = createI18n<[Messages], Language, false>({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLanguage(): Language {
  return i18n.global.locale.value;
}

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
}

export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elEn : elZhCn));
