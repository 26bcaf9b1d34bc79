import type { ApiResponse, Draft } from './api-types.ts';
import { request, sendJson } from './api.ts';
import type {
  Decision,
  DecisionResult,
  EvidenceAdded,
  IncidentInput,
  RecordedIncident,
  VictimInput,
  VictimsAdded,
} from './incident-types.ts';

const id = (v: string) => encodeURIComponent(v);

/** URLs of the incident, access and public-release endpoints (src/http/routes/incidents.ts, auth.ts, public.ts). */
export const incidentApi = {
  me: () => '/api/v1/auth/me',
  list: (status: string, cursor: string | null) => {
    const q = new URLSearchParams({ limit: '50' });
    if (status !== '') q.set('status', status);
    if (cursor) q.set('cursor', cursor);
    return `/api/v1/incidents?${q.toString()}`;
  },
  incident: (incidentId: string) => `/api/v1/incidents/${id(incidentId)}`,
  queue: () => '/api/v1/review-queue',
  candidates: (incidentId: string) => `/api/v1/incidents/${id(incidentId)}/candidates`,
  evidence: (incidentId: string, evidenceId: string) =>
    `/api/v1/incidents/${id(incidentId)}/evidence/${id(evidenceId)}`,
  custody: (incidentId: string, evidenceId: string) =>
    `/api/v1/incidents/${id(incidentId)}/evidence/${id(evidenceId)}/custody`,
  aggregates: (from: string, to: string, status: 'verified' | 'all') => {
    const q = new URLSearchParams({ status });
    if (from !== '') q.set('from', from);
    if (to !== '') q.set('to', to);
    return `/api/v1/incident-aggregates?${q.toString()}`;
  },
  publicRelease: (format: 'json' | 'csv' | 'hxl') => `/api/v1/public/incidents?format=${format}`,
};

export const login = (email: string, password: string) =>
  sendJson<ApiResponse<'/api/v1/auth/login', 'post'>>('POST', '/api/v1/auth/login', { email, password });
export const logout = () =>
  sendJson<ApiResponse<'/api/v1/auth/logout', 'post'>>('POST', '/api/v1/auth/logout');

/** The form sends what its inputs hold; the server's VALIDATION_FAILED issues go beside the fields (api-types Draft). */
export const recordIncident = (body: Draft<IncidentInput>) =>
  sendJson<RecordedIncident>('POST', '/api/v1/incidents', body);

export const decide = (incidentId: string, body: Decision) =>
  sendJson<DecisionResult>('POST', `/api/v1/incidents/${id(incidentId)}/decision`, body);

export const confirmLink = (incidentId: string, eventId: number) =>
  sendJson<ApiResponse<'/api/v1/incidents/{id}/links', 'post'>>(
    'POST',
    `/api/v1/incidents/${id(incidentId)}/links`,
    { eventId },
  );

/** Uploads an evidence file as multipart field `file`; the server hashes it at intake. */
export async function uploadEvidence(incidentId: string, file: File): Promise<EvidenceAdded> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await request(`/api/v1/incidents/${id(incidentId)}/evidence`, {
    method: 'POST',
    body: form,
  });
  return (await response.json()) as EvidenceAdded;
}

/** Adds individual victim records to a case (its members only); identity fields are sealed on the server. */
export const addVictims = (incidentId: string, victims: Draft<VictimInput>[]) =>
  sendJson<VictimsAdded>('POST', `/api/v1/incidents/${id(incidentId)}/victims`, { victims });
