import { createI18n } from 'vue-i18n';

/** A namespace's messages: nested keys down to texts. */
type MessageTree = { [key: string]: string | MessageTree };
import type { Language } from '@complaints/domain';

// Messages live in i18n/<language>/<area>.json; each area is a namespace of keys. Only the
// chosen language is loaded (a lazy chunk per file): the other two never weigh on the first page.
const loaders = import.meta.glob<{ default: MessageTree }>('./i18n/*/*.json');
const loaded = new Set<Language>();

export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'complaints.language';

/** The remembered choice, else the browser's first supported language, else Kazakh. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const preferred of navigator.languages ?? []) {
    const code = preferred.toLowerCase().slice(0, 2);
    if (code === 'kz') return 'kk';
    if ((LANGUAGES as readonly string[]).includes(code)) return code as Language;
  }
  return 'kk';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLanguage(),
  messages: {} as Record<Language, MessageTree>,
  missingWarn: false,
  fallbackWarn: false,
});

/** Loads one language's messages, once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return;
  const tree: MessageTree = {};
  await Promise.all(
    Object.entries(loaders)
      .filter(([path]) => path.startsWith(`./i18n/${language}/`))
      .map(async ([path, load]) => {
        const area = /\/(\w+)\.json$/.exec(path)?.[1];
        if (area) tree[area] = (await load()).default;
      }),
  );
  i18n.global.setLocaleMessage(language, tree);
  loaded.add(language);
}

function apply(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** Switches the language (and remembers it); at once when its messages are already loaded. */
export function setLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) {
    apply(language);
    return Promise.resolve();
  }
  return loadLanguage(language).then(() => apply(language));
}
