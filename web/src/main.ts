import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router } from './router';
import { currentLanguage, i18n } from './i18n';
import { setErrorPresenter } from './api/http';
import { showError } from './ui';
import './styles.css';

setErrorPresenter({ language: currentLanguage, show: showError });

document.documentElement.lang = currentLanguage();
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app');
