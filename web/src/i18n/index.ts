import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'antq.language';

// Vietnamese is in the first load; English (as many bytes again) loads when it is chosen:
// `changeLanguage('en')` waits for its texts (see below).
export const resources = {
  vi: { translation: vi },
} as const;

let english: Promise<void> | null = null;
/**
 * Adds the English texts (en.json) beside those the pages added already (news, reports…).
 * `changeLanguage('en')` calls it; so must code that reads English texts without switching
 * (`getFixedT('en')`).
 */
export function loadEnglish(): Promise<void> {
  english ??= import('./en.json').then(
    (m) => {
      i18n.addResourceBundle('en', 'translation', m.default, true, false);
    },
    (e: unknown) => {
      english = null;
      throw e;
    },
  );
  return english;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language remembered in localStorage, or Vietnamese. */
export function storedLanguage(): Language {
  try {
    const v = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(v) ? v : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Switches the language and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18n.changeLanguage(lang);
}

/** The current language, narrowed to the supported ones. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
}

// the stored language, when not Vietnamese, is switched to once its texts have loaded: the page
// shows in Vietnamese meanwhile, and the choice stays stored
const initialLanguage = storedLanguage();
let restoring = initialLanguage !== DEFAULT_LANGUAGE;

i18n.on('languageChanged', (lng) => {
  if (!isLanguage(lng)) return;
  if (restoring && lng === DEFAULT_LANGUAGE) return;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable (private mode): the choice then lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
  initAsync: false,
});
// every way of switching (the language switch, tests) loads the English texts first
const changeLanguage = i18n.changeLanguage.bind(i18n);
i18n.changeLanguage = async (lng, callback) => {
  if (lng === 'en') await loadEnglish();
  return changeLanguage(lng, callback);
};
if (restoring) {
  // (a failed load leaves the page in Vietnamese)
  void i18n
    .changeLanguage(initialLanguage)
    .catch(() => undefined)
    .finally(() => {
      restoring = false;
    });
}

export default i18n;
