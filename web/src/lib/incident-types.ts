/**
 * The incident answers of the API as the web app reads them, from the generated schema (lib/api-types.ts).
 * Optional fields are absent when the reader's view does not allow them.
 */
import type { ApiBody, ApiResponse, Item } from './api-types.ts';

/** The roles an account may have (the body of POST /api/v1/users; the same list in every answer). */
export type Role = ApiBody<'/api/v1/users'>['role'];

/** The signed-in account (GET /api/v1/auth/me, POST /api/v1/auth/login). */
export type User = ApiResponse<'/api/v1/auth/login', 'post'>['user'];
export type Me = ApiResponse<'/api/v1/auth/me'>;

export type IncidentPage = ApiResponse<'/api/v1/incidents'>;
export type IncidentSummary = Item<IncidentPage['incidents']>;
export type ReviewQueue = ApiResponse<'/api/v1/review-queue'>;

export type IncidentDetail = ApiResponse<'/api/v1/incidents/{id}'>;
export type VictimRecord = Item<NonNullable<IncidentDetail['victims']>>;

export type IncidentInput = ApiBody<'/api/v1/incidents'>;
export type RecordedIncident = ApiResponse<'/api/v1/incidents', 'post'>;
export type Decision = ApiBody<'/api/v1/incidents/{id}/decision'>;
export type DecisionResult = ApiResponse<'/api/v1/incidents/{id}/decision', 'post'>;
export type VictimInput = Item<ApiBody<'/api/v1/incidents/{id}/victims'>['victims']>;
export type VictimsAdded = ApiResponse<'/api/v1/incidents/{id}/victims', 'post'>;

export type EvidenceAdded = ApiResponse<'/api/v1/incidents/{id}/evidence', 'post'>;
export type CustodyLog = ApiResponse<'/api/v1/incidents/{id}/evidence/{evidenceId}/custody'>;
export type CustodyEntry = Item<CustodyLog['custody']>;

export type Candidates = ApiResponse<'/api/v1/incidents/{id}/candidates'>;
export type Candidate = Item<Candidates['candidates']>;

export type IncidentAggregates = ApiResponse<'/api/v1/incident-aggregates'>;
export type AggregateCell = Item<IncidentAggregates['cells']>;

export type PublicRelease = ApiResponse<'/api/v1/public/incidents'>;

/** A zod issue of a VALIDATION_FAILED answer: `path` names the field (e.g. ["victims", "0", "name"]). */
export interface FieldIssue {
  path: string[];
  message: string;
}
