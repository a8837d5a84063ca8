/// <reference lib="webworker" />
// Solves the public form's proof of work off the main thread, reporting progress by slices.
import { expectedHashes, solveRange } from '../lib/pow';

const SLICE = 16_384;

self.onmessage = (e: MessageEvent<{ token: string; bits: number }>) => {
  const { token, bits } = e.data;
  // far beyond the expected effort something is wrong: give up rather than spin forever
  const limit = expectedHashes(bits) * 64;
  for (let start = 0; start < limit; start += SLICE) {
    const nonce = solveRange(token, bits, start, SLICE);
    if (nonce !== null) {
      postMessage({ nonce });
      return;
    }
    postMessage({ tried: start + SLICE });
  }
  postMessage({ error: 'exhausted' });
};
