import { LANGUAGES } from '@complaints/domain';

// Components mount at once in tests: every language's messages are loaded beforehand. (Tests
// that run in the node environment have no DOM and need no messages.)
if (typeof localStorage !== 'undefined') {
  const { loadLanguage } = await import('../src/i18n');
  await Promise.all(LANGUAGES.map((language) => loadLanguage(language)));
}
