/**
 * Gets and answers the proof-of-work challenge of the public form. Solving runs in a Web Worker
 * (the page stays responsive on a slow phone); without workers it runs on the main thread in
 * slices between frames.
 */
import { getChallenge } from './api';

// (the SHA-256 code itself stays out of the page's bundle: the worker has it, and the main-thread
// fallback imports it when needed)
const expectedHashes = (bits: number) => 2 ** Math.max(0, Math.min(bits, 52));
const challengeHeader = (token: string, nonce: number) => `${token}:${nonce}`;

export interface SolvedChallenge {
  /** The `X-Challenge` header value, or null when the server does not ask for one. */
  header: string | null;
  /** When the token stops being accepted (ms since the epoch). */
  expiresAt: number;
}

/** The proof-of-work worker, or null where the page may not start one. */
function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Finds the nonce (the worker's reports of work done are not shown: the form says it is checking). */
export function solve(token: string, bits: number, signal?: AbortSignal): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const w = startWorker();
    if (!w) {
      void solveOnMainThread(token, bits, signal).then(resolve, reject);
      return;
    }
    const stop = () => w.terminate();
    signal?.addEventListener('abort', () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    });
    w.onmessage = (e: MessageEvent<{ nonce?: number; tried?: number; error?: string }>) => {
      if (e.data.nonce !== undefined) {
        stop();
        resolve(e.data.nonce);
      } else if (e.data.tried === undefined) {
        stop();
        reject(new Error(e.data.error ?? 'pow'));
      }
    };
    w.onerror = (ev) => {
      // a worker the page may not start (old browser, policy): do it here instead
      ev.preventDefault();
      stop();
      void solveOnMainThread(token, bits, signal).then(resolve, reject);
    };
    w.postMessage({ token, bits });
  });
}

async function solveOnMainThread(token: string, bits: number, signal?: AbortSignal): Promise<number> {
  const { solveRange } = await import('../lib/pow');
  const SLICE = 4096;
  const expected = expectedHashes(bits);
  for (let start = 0; start < expected * 64; start += SLICE) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nonce = solveRange(token, bits, start, SLICE);
    if (nonce !== null) return nonce;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error('exhausted');
}

/** Margin before the token's expiry within which it is not used any more (ms). */
const EXPIRY_MARGIN_MS = 15_000;

/**
 * One challenge at a time, fetched and solved ahead (when the visitor starts filling in the form)
 * so that sending rarely waits; each solved token is handed out once. A challenge is asked for the
 * unit the tip goes to: a unit receiving a flood of tips asks for more work, and an answer for
 * another unit (or for none) would be refused with `challenge_harder`.
 */
export class ChallengeSolver {
  private pending: Promise<SolvedChallenge> | null = null;
  private pendingUnit: string | undefined;
  private abort: AbortController | null = null;

  /** Starts fetching and solving a challenge for `unit`, unless one for it is under way or ready. */
  prepare(unit?: string): void {
    // one prepared for another unit is dropped (its worker stopped): it may be too easy there
    if (this.pending && this.pendingUnit !== unit) this.reset();
    if (!this.pending) {
      this.pendingUnit = unit;
      this.abort = new AbortController();
      this.pending = this.fetchAndSolve(unit, this.abort.signal);
    }
    // a failure here is reported by take()
    this.pending.catch(() => {});
  }

  /** A fresh answer for `unit` (waiting for the solving when needed); it is not handed out again. */
  async take(unit?: string): Promise<string | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      this.prepare(unit);
      const pending = this.pending!;
      let solved: SolvedChallenge;
      try {
        solved = await pending;
      } catch (e) {
        if (this.pending === pending) this.pending = null;
        throw e;
      }
      if (this.pending === pending) this.pending = null;
      if (solved.header === null || Date.now() < solved.expiresAt) return solved.header;
      // expired while the visitor was typing: get another one
    }
    throw new Error('expired');
  }

  /** Forgets the prepared answer (e.g. the server refused it, or the unit changed). */
  reset(): void {
    this.abort?.abort();
    this.abort = null;
    this.pending = null;
  }

  private async fetchAndSolve(unit: string | undefined, signal: AbortSignal): Promise<SolvedChallenge> {
    const fetchedAt = Date.now();
    const c = await getChallenge(unit, signal);
    if (!c.required) return { header: null, expiresAt: Number.POSITIVE_INFINITY };
    const lifetime = c.expires_in * 1000;
    const expiresAt = fetchedAt + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 4);
    const nonce = await solve(c.token, c.bits, signal);
    return { header: challengeHeader(c.token, nonce), expiresAt };
  }
}
