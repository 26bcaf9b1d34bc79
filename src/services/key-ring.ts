import { VigieError } from '../core/errors.ts';
import {
  newDataKey,
  newKeyId,
  openField,
  sealField,
  unwrapKey,
  wrapKey,
  type FieldContext,
} from '../security/envelope.ts';
import type { KeysPort } from './ports/protection-port.ts';

export type { FieldContext };

/** Where the key-encryption key comes from (a file beside the laptop's database, or a server's secret store). */
export interface KekSource {
  /**
   * The key, created when absent only if `mayCreate()` says no data key is wrapped yet (asked only then, so a
   * normal start does not read the key table).
   */
  load(mayCreate: () => Promise<boolean>): Promise<Buffer>;
  /** Replaces the key (rotation); the old one is gone once this resolves. */
  replace(kek: Buffer): Promise<void>;
  /** Duress: overwrite and delete. */
  destroy(): Promise<void>;
  describe(): string;
}

/**
 * Envelope encryption over the data keys stored (wrapped) in the database. Each incident has its own data key,
 * so deleting that key erases the incident's protected fields; the audit chain has one key of its own. Unwrapped
 * keys are cached for the life of the process only.
 */
export interface KeyRing {
  seal(keyId: string, context: FieldContext, plaintext: string, keys?: KeysPort): Promise<string>;
  open(keyId: string, context: FieldContext, sealed: string, keys?: KeysPort): Promise<string>;
  /** Creates a data key for a new record, wrapped with the KEK, written through `keys` (the caller's transaction). */
  newDataKey(keys: KeysPort, purpose: 'incident' | 'audit', at: string): Promise<string>;
  auditKey(keys: KeysPort, at: string): Promise<Buffer>;
  /** Rewraps every data key under a new KEK, then replaces the key file; returns how many keys moved. */
  rotate(newKek: Buffer): Promise<number>;
  forget(): void;
}

export function keyRing(source: KekSource, store: KeysPort): KeyRing {
  let kek: Promise<Buffer> | null = null;
  const cache = new Map<string, Buffer>();
  // Asked through the caller's store: on SQLite a query on another handle inside a transaction would wait forever.
  const loadKek = (keys: KeysPort) =>
    (kek ??= source
      .load(async () => (await keys.allDataKeys()).length === 0)
      .catch((error: unknown) => {
        kek = null; // a failed load (missing or insecure file) is retried on the next call
        throw error;
      }));

  async function dataKey(keyId: string, keys: KeysPort): Promise<Buffer> {
    const cached = cache.get(keyId);
    if (cached) return cached;
    const record = await keys.dataKey(keyId);
    // A missing key means the record was crypto-erased (retention or duress): its fields are gone for good.
    if (!record) throw new VigieError('KEY_UNAVAILABLE', { reason: 'erased' });
    const key = unwrapKey(await loadKek(keys), keyId, record.wrapped);
    cache.set(keyId, key);
    return key;
  }

  return {
    async seal(keyId, context, plaintext, keys = store) {
      return sealField(await dataKey(keyId, keys), keyId, context, plaintext);
    },
    async open(keyId, context, sealed, keys = store) {
      return openField(await dataKey(keyId, keys), context, sealed);
    },
    async newDataKey(keys, purpose, at) {
      const id = newKeyId();
      const key = newDataKey();
      const wrapped = wrapKey(await loadKek(keys), id, key);
      await keys.addDataKey({ id, purpose, wrapped, createdAt: at });
      cache.set(id, key);
      return id;
    },
    async auditKey(keys, at) {
      const existing = await keys.auditKey();
      if (existing) return dataKey(existing.id, keys);
      const id = await this.newDataKey(keys, 'audit', at);
      return dataKey(id, keys);
    },
    async rotate(newKek) {
      const current = await loadKek(store);
      const all = await store.allDataKeys();
      const rewrapped = all.map((k) => ({
        id: k.id,
        wrapped: wrapKey(newKek, k.id, unwrapKey(current, k.id, k.wrapped)),
      }));
      // Database first, then the file; if the file cannot be written the old wrapping is put back, so the
      // keys always match the key file on disk. File first would risk keys wrapped under a lost KEK.
      await store.rewrapAll(rewrapped);
      try {
        await source.replace(newKek);
      } catch (error) {
        await store.rewrapAll(all.map((k) => ({ id: k.id, wrapped: k.wrapped })));
        throw error;
      }
      kek = Promise.resolve(newKek);
      return rewrapped.length;
    },
    forget() {
      kek = null;
      cache.clear();
    },
  };
}
