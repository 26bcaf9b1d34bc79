import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** A page the signed-in role may not use (the server would answer FORBIDDEN anyway). */
export function NotAllowed() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.text')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
