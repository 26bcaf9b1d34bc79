import { useState } from 'react';
import { ImportHistory } from '../components/ImportHistory.tsx';
import { ImportReportView } from '../components/ImportReportView.tsx';
import { UploadForm } from '../components/UploadForm.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useDatabase } from '../lib/database.tsx';
import type { ImportReport } from '../lib/types.ts';

/** Data: upload files to import, see what the last upload did, and the history of every import. */
export function DataPage() {
  const { t } = useI18n();
  const { refresh, version } = useDatabase();
  const [report, setReport] = useState<ImportReport | null>(null);
  return (
    <div className="page data-page">
      <h1 id="page-title">{t('data.title')}</h1>
      <p className="lead">{t('data.lead')}</p>
      <UploadForm
        onStart={() => setReport(null)}
        onReport={(r) => {
          setReport(r);
          refresh();
        }}
      />
      {report ? <ImportReportView report={report} /> : null}
      <ImportHistory version={version} />
    </div>
  );
}
