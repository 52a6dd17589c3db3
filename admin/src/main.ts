import { createApp } from 'vue';
import App from './App.vue';
import { i18n, loadLanguage } from './i18n';
import { router } from './router';
import './styles/design.css';

document.documentElement.lang = i18n.global.locale.value;
await loadLanguage(i18n.global.locale.value);
createApp(App).use(i18n).use(router).mount('#app');
