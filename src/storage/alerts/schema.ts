/**
 * Alerts, community messages and notification deliveries (issue 6). Same conventions as schema.ts: ISO text
 * dates, JSON as text. The sender's number and the message text exist only sealed (`*_sealed`) and, for the
 * sender, as a keyed hash; notifications' payloads carry codes, places and times, never protected text.
 */
export interface AlertsTable {
  id: string;
  organisation_id: string;
  reference: string;
  source: string;
  source_key: string | null;
  admin1: string | null;
  admin1_pcode: string | null;
  admin2_pcode: string | null;
  place_code: string | null;
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  harm: string;
  people_count: number | null;
  severity: string;
  owner_id: string | null;
  required_response: string;
  deadline: string;
  state: string;
  outcome: string | null;
  evidence_sealed: string | null;
  links_json: string;
  data_key_id: string | null;
  created_by: string | null;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  responding_at: string | null;
  responding_by: string | null;
  closed_at: string | null;
  closed_by: string | null;
  updated_at: string;
}

export interface AlertStepsTable {
  alert_id: string;
  seq: number;
  action: string;
  state: string;
  at: string;
  by_user: string | null;
}

export interface SmsMessagesTable {
  id: string;
  organisation_id: string;
  gateway: string;
  gateway_id: string;
  sender_hash: string;
  sender_sealed: string | null;
  text_sealed: string | null;
  data_key_id: string;
  received_at: string;
  parse_json: string;
  status: string;
  alert_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export interface AlertDeliveriesTable {
  id: string;
  alert_id: string;
  event: string;
  channel: string;
  target: string;
  payload_json: string;
  status: string;
  attempts_json: string;
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** The acknowledgement outbox (migration 0007): no number here, the worker opens the message's sealed sender. */
export interface SmsAcknowledgementsTable {
  id: string;
  message_id: string;
  organisation_id: string;
  gateway: string;
  text: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface AlertsDatabase {
  alerts: AlertsTable;
  alert_steps: AlertStepsTable;
  sms_messages: SmsMessagesTable;
  alert_deliveries: AlertDeliveriesTable;
  sms_acknowledgements: SmsAcknowledgementsTable;
}
