/**
 * The public form's proof of work: find a decimal nonce such that
 * SHA-256(token + ":" + nonce) starts with at least `bits` zero bits.
 *
 * SHA-256 comes from @noble/hashes (audited, no dependencies, ~4 KB) rather than WebCrypto:
 * `crypto.subtle` exists only on secure origins (a commune office may serve ANTQ over plain
 * HTTP on its network), and its one-promise-per-hash API is several times slower for 65.000
 * tiny inputs. The hash of the constant prefix `token:` is computed once and cloned per nonce.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** Number of leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/** Whether the first `bits` bits are zero (stops at the first byte that decides). */
export function hasLeadingZeroBits(bytes: Uint8Array, bits: number): boolean {
  let left = bits;
  let i = 0;
  while (left >= 8) {
    if (bytes[i] !== 0) return false;
    i += 1;
    left -= 8;
  }
  if (left === 0) return true;
  const b = bytes[i] ?? 0;
  return b >> (8 - left) === 0;
}

const encoder = new TextEncoder();

/** SHA-256 of `token:nonce`. */
export function powDigest(token: string, nonce: number | string): Uint8Array {
  return sha256(encoder.encode(`${token}:${nonce}`));
}

/** Whether `nonce` answers the challenge. */
export function checkNonce(token: string, bits: number, nonce: number | string): boolean {
  return hasLeadingZeroBits(powDigest(token, nonce), bits);
}

/**
 * Tries the nonces start, start+1, … start+count-1; returns the first that answers, or null.
 * Called in slices (by a Web Worker, or between frames on the main thread).
 */
export function solveRange(token: string, bits: number, start: number, count: number): number | null {
  const prefix = sha256.create().update(encoder.encode(`${token}:`));
  const out = new Uint8Array(32);
  let h: ReturnType<typeof sha256.create> | undefined;
  const end = start + count;
  for (let nonce = start; nonce < end; nonce++) {
    h = prefix._cloneInto(h);
    h.update(encoder.encode(String(nonce)));
    h.digestInto(out);
    if (hasLeadingZeroBits(out, bits)) return nonce;
  }
  return null;
}

/** The hashes a challenge needs on average (2^bits). */
export function expectedHashes(bits: number): number {
  return 2 ** Math.max(0, Math.min(bits, 52));
}

/** The `X-Challenge` header value. */
export function challengeHeader(token: string, nonce: number): string {
  return `${token}:${nonce}`;
}
