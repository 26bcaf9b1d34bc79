import { useI18n } from '../i18n/i18n.tsx';

/**
 * Switches between French (default) and English. The button names the other language in that language
 * ("English" / "Français"); the choice goes in the URL (lang=en) and in localStorage.
 */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className="lang-switch"
      lang={other}
      title={t('app.languageHint')}
      onClick={() => setLang(other)}
    >
      {t('app.otherLanguage')}
    </button>
  );
}
