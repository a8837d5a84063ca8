import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import './languageSwitch.css';

interface Props {
  /** Short labels (VI / EN) for narrow screens. */
  compact?: boolean;
}

const OPTIONS: readonly { value: Language; short: string }[] = [
  { value: 'vi', short: 'VI' },
  { value: 'en', short: 'EN' },
];

/**
 * Tiếng Việt | English in the header: two toggle buttons (the pressed one is the language shown).
 * Plain buttons, not Ant Design's Segmented: the header is in every page's first load.
 */
export default function LanguageSwitch({ compact = false }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div
      role="group"
      aria-label={t('language.label')}
      data-testid="language-switch"
      className={compact ? 'antq-lang antq-lang--compact' : 'antq-lang'}
    >
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          className="antq-lang__option"
          aria-pressed={lang === o.value}
          title={t(`language.${o.value}`)}
          onClick={() => {
            if (lang !== o.value) void setLanguage(o.value);
          }}
        >
          {compact ? o.short : t(`language.${o.value}`)}
        </button>
      ))}
    </div>
  );
}
