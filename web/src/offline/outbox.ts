/**
 * The outbox of a phone without signal: what an officer creates offline (an activity, a patrol, a
 * mediation… with its photos) is kept in IndexedDB (through `idb`) with an id made on the device,
 * and sent when the network returns. The id is the request's `Idempotency-Key` (and, suffixed, each
 * photo's), so a send repeated after a lost answer, a killed tab or a restarted phone is answered
 * by the server with the first answer: each record exists once.
 *
 * States: `queued` (waiting: "Chờ gửi", never "Đã lưu"), `sending`, `refused` (the server said no,
 * with its message: the officer fixes the record or deletes it). An item belongs to the account
 * that queued it and is only ever sent under that account.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { ApiError, request } from '../api/client';
import { newId } from '../lib/ids';

export interface OutboxFile {
  name: string;
  type: string;
  blob: Blob;
}

export type OutboxState = 'queued' | 'sending' | 'refused';

export interface OutboxItem {
  /** Made on the device (UUID v4); the record's Idempotency-Key. */
  id: string;
  /** The username of the account that queued it. */
  user: string;
  /** What it is, for the list ("activities", "patrols"…: the register). */
  kind: string;
  /** A line the officer recognises it by (the title or the date and place). */
  label: string;
  /** `POST` target that creates the record, e.g. `/api/v1/patrols`. */
  path: string;
  body: unknown;
  files: OutboxFile[];
  state: OutboxState;
  /** The last refusal or failure, in the server's words (Vietnamese). */
  error?: string;
  /** Set once the server holds the record: the photos then go to it. */
  recordId?: string;
  /** How many of `files` the server holds. */
  filesSent: number;
  tries: number;
  createdAt: string;
  lastTryAt?: string;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { by_user: string } };
}

const DB_NAME = 'antq-offline';
let dbPromise: Promise<IDBPDatabase<OutboxDb>> | null = null;

function db(): Promise<IDBPDatabase<OutboxDb>> {
  dbPromise ??= openDB<OutboxDb>(DB_NAME, 1, {
    upgrade(d) {
      const store = d.createObjectStore('outbox', { keyPath: 'id' });
      store.createIndex('by_user', 'user');
    },
  });
  return dbPromise;
}

// --- change notices: this tab's lists and the other tabs' ------------------------------------------

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('antq-outbox');
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

function changed(): void {
  listeners.forEach((l) => l());
  channel?.postMessage('changed');
}

/** Calls `fn` whenever the outbox changes (in any tab); returns the unsubscribe function. */
export function onOutboxChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// --- the store ---------------------------------------------------------------------------------------

/** The items of one account, oldest first. */
export async function listItems(user: string): Promise<OutboxItem[]> {
  const items = await (await db()).getAllFromIndex('outbox', 'by_user', user);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function getItem(id: string): Promise<OutboxItem | undefined> {
  return (await db()).get('outbox', id);
}

async function put(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', item);
  changed();
}

export async function removeItem(id: string): Promise<void> {
  await (await db()).delete('outbox', id);
  changed();
}

/** A new record as a form hands it over: who, what, where it goes, its body and its photos. */
export interface NewRecord {
  user: string;
  kind: string;
  label: string;
  path: string;
  body: unknown;
  files?: readonly File[];
}

/** Keeps a new record (and copies of its photos) before anything is sent. */
export async function enqueue(input: NewRecord): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: newId(),
    user: input.user,
    kind: input.kind,
    label: input.label,
    path: input.path,
    body: input.body,
    // a Blob is stored by value: the photo stays when the form's File is gone
    files: (input.files ?? []).map((f) => ({ name: f.name, type: f.type, blob: f.slice(0, f.size, f.type) })),
    state: 'queued',
    filesSent: 0,
    tries: 0,
    createdAt: new Date().toISOString(),
  };
  await put(item);
  void askPersistentStorage();
  return item;
}

/** Back to `queued` (the officer's "send again" on a refused item). */
export async function requeue(id: string): Promise<void> {
  const item = await getItem(id);
  if (item) await put({ ...item, state: 'queued', error: undefined });
}

let persistAsked = false;
/** Asks the browser not to clear the outbox under storage pressure (`navigator.storage.persist()`). */
export async function askPersistentStorage(): Promise<boolean> {
  if (persistAsked || !navigator.storage?.persist) return false;
  persistAsked = true;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

// --- sending -----------------------------------------------------------------------------------------

/** What a failed send means for the item. */
export type Failure =
  /** The server said no (400/403/404/409/413/415/422): the item waits for the officer. */
  | 'refused'
  /** No network, the server busy or down, the session over: the item waits and is sent later. */
  | 'later';

/** Whether an error is worth another try without a change (no network, 5xx, 429, a key in use, a 401). */
export function failureOf(e: unknown): Failure {
  if (!(e instanceof ApiError)) return 'later';
  if (e.status === 0 || e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500) return 'later';
  // the first send of this key is still running on the server: its answer comes on the next try
  if (e.status === 409 && e.code === 'conflict' && /Idempotency-Key/.test(e.message)) return 'later';
  return 'refused';
}

/** The id in the server's answer to a created record, where the photos go; a record added to
 * another (a group's member) is answered with its parent's view and takes no photos. */
function idOf(answer: unknown): string {
  const id = answer && typeof answer === 'object' ? (answer as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

export interface SendResult<T> {
  record: T;
  /** Photos the server refused (only when `onFileRefused` is 'skip'). */
  refusedFiles: number;
  firstFileError?: unknown;
}

/**
 * Sends one item: the record (unless the server already holds it), then each photo not yet held.
 * Progress is saved after each step, so a send cut off anywhere resumes where it stopped, with
 * the same keys. Throws the first error that stops it; the item is left as it was saved.
 * `onFileRefused`: 'stop' (the background: the item waits for the officer) or 'skip' (the
 * officer is at the form: the record is saved, the refused photo reported).
 */
export async function sendItem<T>(
  item: OutboxItem,
  options: { background: boolean; onFileRefused: 'stop' | 'skip' },
): Promise<SendResult<T>> {
  const reauthenticate = !options.background;
  let current: OutboxItem = { ...item, state: 'sending', tries: item.tries + 1, lastTryAt: new Date().toISOString() };
  await put(current);
  let record: T;
  try {
    if (current.recordId === undefined) {
      record = await request<T>('POST', current.path, { body: current.body, idempotencyKey: current.id, reauthenticate });
      current = { ...current, recordId: idOf(record) };
      await put(current);
    } else {
      record = { id: current.recordId } as T;
    }
    let refusedFiles = 0;
    let firstFileError: unknown;
    for (let i = current.filesSent; i < current.files.length; i += 1) {
      const f = current.files[i]!;
      const file = new File([f.blob], f.name, { type: f.type });
      try {
        await request('POST', `${current.path}/${encodeURIComponent(current.recordId!)}/attachments`, {
          file,
          idempotencyKey: `${current.id}.f${i}`,
          reauthenticate,
        });
      } catch (e) {
        if (options.onFileRefused === 'stop' || failureOf(e) === 'later') throw e;
        refusedFiles += 1;
        firstFileError ??= e;
      }
      current = { ...current, filesSent: i + 1 };
      await put(current);
    }
    await removeItem(current.id);
    return { record, refusedFiles, firstFileError };
  } catch (e) {
    const refused = failureOf(e) === 'refused';
    await put({
      ...current,
      state: refused ? 'refused' : 'queued',
      error: e instanceof Error ? e.message : String(e),
    });
    throw e;
  }
}

/** Items left `sending` by a tab that was closed mid-send: they go again (with the same keys). */
function due(item: OutboxItem): boolean {
  return item.state === 'queued' || item.state === 'sending';
}

let tail: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` alone: one send at a time in this tab (a chain) and across tabs (a Web Lock, where the
 * browser has them). Two sends of one item at once would both be answered correctly by the
 * server (the keys), but their saved progress would overwrite each other's.
 */
export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = (): Promise<T> => (navigator.locks ? (navigator.locks.request('antq-outbox', fn) as Promise<T>) : fn());
  const next = tail.then(run, run);
  tail = next.catch(() => undefined);
  return next;
}

export interface FlushResult {
  sent: number;
  refused: number;
  /** Why it stopped early: no network, the session, the server ("later" failures). */
  stopped?: unknown;
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends every due item of `user`, oldest first; stops at the first failure worth retrying later
 * (without a network the rest would fail too). A call while one runs joins it. `skip`: items
 * a form of this tab is sending itself.
 */
export function flush(user: string, onSent?: (item: OutboxItem) => void, skip?: (item: OutboxItem) => boolean): Promise<FlushResult> {
  flushing ??= exclusive(async () => {
    const result: FlushResult = { sent: 0, refused: 0 };
    for (const item of await listItems(user)) {
      if (!due(item) || skip?.(item)) continue;
      try {
        await sendItem(item, { background: true, onFileRefused: 'stop' });
        result.sent += 1;
        onSent?.(item);
      } catch (e) {
        if (failureOf(e) === 'refused') {
          result.refused += 1;
          continue;
        }
        result.stopped = e;
        break;
      }
    }
    return result;
  }).finally(() => {
    flushing = null;
  });
  return flushing;
}
