import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n';

interface Props {
  /** Short labels (VI / EN) for narrow screens. */
  compact?: boolean;
}

export default function LanguageSwitch({ compact = false }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Segmented<Language>
      size={compact ? 'small' : 'middle'}
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={lang}
      onChange={(v) => void setLanguage(v)}
      options={[
        { value: 'vi', label: compact ? 'VI' : t('language.vi'), title: t('language.vi') },
        { value: 'en', label: compact ? 'EN' : t('language.en'), title: t('language.en') },
      ]}
    />
  );
}
