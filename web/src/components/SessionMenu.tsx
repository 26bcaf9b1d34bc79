import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { navigate } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';

/** The signed-in user, their role and organisation, and the sign-out button (in the header). */
export function SessionMenu() {
  const { t } = useI18n();
  const { user, signOut } = useSession();
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const out = () => {
    setBusy(true);
    void signOut().finally(() => {
      setBusy(false);
      navigate('/sign-in', '');
    });
  };
  return (
    <div className="session-menu" data-testid="session-menu" data-role={user.role}>
      <span>
        <span className="session-name">{user.displayName}</span>{' '}
        <span className="session-role">
          {t(`userRole.${user.role}` as MessageKey)} · {user.organisationName}
        </span>
      </span>
      <button type="button" className="secondary" onClick={out} disabled={busy}>
        {t('session.signOut')}
      </button>
    </div>
  );
}
