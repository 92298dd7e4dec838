import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { router, toSignIn } from './router';
import { currentLanguage, i18n } from './i18n';
import { setErrorPresenter } from './api/http';
import { showError } from './ui';
import './styles.css';

const pinia = createPinia();
setErrorPresenter({ language: currentLanguage, show: showError, signedOut: toSignIn });

document.documentElement.lang = currentLanguage();
createApp(App).use(pinia).use(router).use(i18n).mount('#app');
