import type { SmsGateway } from './alert-port.ts';

export type SmsAckStatus = 'pending' | 'sent' | 'failed';

/**
 * One acknowledgement owed to a community sender: an outbox row written in the transaction that stores the
 * message. It holds no number — the sender exists only sealed on the message (`sms_messages.sender_sealed`) and
 * is opened by the worker for the send — and its text is the acknowledgement's own (codes, the alert reference).
 */
export interface SmsAckRecord {
  id: string;
  messageId: string;
  organisationId: string;
  gateway: SmsGateway;
  text: string;
  status: SmsAckStatus;
  /** Attempts made so far (a send cut short by a shutdown is not one). */
  attempts: number;
  /** When the next attempt is due; while an attempt runs, the end of its lease. Null once sent or failed. */
  nextAttemptAt: string | null;
  /** The class of the last failure (`timeout`, `http:503`, `recipient:403`, `erased`…), never the number. */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface SmsAckCounts {
  pending: number;
  sent: number;
  failed: number;
  /** The oldest pending acknowledgement's creation time, and the earliest next attempt; null when none. */
  oldestPendingAt: string | null;
  nextAttemptAt: string | null;
}

export interface SmsAcksStore {
  /** Queues an acknowledgement; a second one for the same message is refused by the store (unique message). */
  add(ack: SmsAckRecord): Promise<void>;
  forMessage(messageId: string): Promise<SmsAckRecord | null>;
  /** Pending acknowledgements due at `at`, the most overdue first. */
  due(at: string, limit: number): Promise<SmsAckRecord[]>;
  /** The earliest next attempt of any pending acknowledgement (a lease's end included); null when none. */
  nextDue(): Promise<string | null>;
  /**
   * Takes a pending acknowledgement for one attempt: moves its next attempt to `leaseUntil` if it is still
   * pending at `expected`; false when another worker (process or cron run) took it first.
   */
  claim(id: string, expected: string, leaseUntil: string): Promise<boolean>;
  /** Writes the outcome of an attempt (status, attempts, next attempt, error, sent time). */
  save(ack: SmsAckRecord): Promise<void>;
  /** Counts by status, for one organisation or (null) all of them. */
  counts(organisationId: string | null): Promise<SmsAckCounts>;
}
