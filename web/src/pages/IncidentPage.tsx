import { useState } from 'react';
import { CandidatesPanel } from '../components/incident-view/CandidatesPanel.tsx';
import { DecisionPanel } from '../components/incident-view/DecisionPanel.tsx';
import { EvidencePanel } from '../components/incident-view/EvidencePanel.tsx';
import { IncidentFacts } from '../components/incident-view/IncidentFacts.tsx';
import { IncidentRecordDetails } from '../components/incident-view/IncidentRecordDetails.tsx';
import { VictimsSection } from '../components/incident-view/VictimsSection.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { incidentApi } from '../lib/incident-api.ts';
import type { IncidentDetail } from '../lib/incident-types.ts';
import { canRecord } from '../lib/roles.ts';
import { useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useFetch } from '../lib/use-fetch.ts';

/**
 * One incident (/incidents/:id) with what the reader's view allows: the summary for analysts; narrative,
 * sources, candidates and the decision panel for monitors; victims, evidence downloads and custody for the
 * case's members. Each read is audited on the server.
 */
export function IncidentPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { path, params } = useLocation();
  const id = path.split('/')[2] ?? '';
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const answer = useFetch<IncidentDetail>(incidentApi.incident(id), { version });
  const incident = answer.data;
  return (
    <div className="page incident-page">
      <p>
        <Link to="/incidents" search="">
          {t('incident.back')}
        </Link>
      </p>
      <h1 id="page-title">
        {incident ? t('incident.title', { reference: incident.reference }) : t('incident.loadingTitle')}
      </h1>
      {params.get('already') === '1' ? <p className="status">{t('form.alreadyRecorded')}</p> : null}
      {answer.error ? <ErrorMessage error={answer.error} /> : null}
      {answer.loading && !incident ? <Loading /> : null}
      {incident ? (
        <>
          <p className="hint" data-testid="incident-view" data-view={incident.view}>
            {t(`incident.view.${incident.view}` as MessageKey)}
          </p>
          <div className="incident-layout">
            <div>
              <IncidentFacts incident={incident} />
              <IncidentRecordDetails incident={incident} />
              <VictimsSection incident={incident} onChange={reload} />
              <EvidencePanel incident={incident} onChange={reload} />
              {incident.view !== 'summary' ? <CandidatesPanel incident={incident} onChange={reload} /> : null}
            </div>
            {user && canRecord(user.role) ? (
              <DecisionPanel key={incident.version} incident={incident} onDecided={reload} />
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
