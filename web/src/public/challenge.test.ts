import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkNonce } from '../lib/pow';

// The server's challenge, per unit: a flooded unit ("21220-002") asks for more bits.
const getChallenge = vi.fn(async (unit?: string) => ({
  required: true as const,
  token: `token-${unit ?? 'none'}-${getChallenge.mock.calls.length}`,
  bits: unit === '21220-002' ? 6 : 4,
  expires_in: 300,
}));
vi.mock('./api', () => ({ getChallenge: (unit?: string) => getChallenge(unit) }));

const { ChallengeSolver } = await import('./challenge');

afterEach(() => getChallenge.mockClear());

/** The token and nonce of an `X-Challenge` header, checked against the bits it was asked for. */
function answers(header: string | null, bits: number): boolean {
  const at = header!.lastIndexOf(':');
  return checkNonce(header!.slice(0, at), bits, header!.slice(at + 1));
}

describe('the public form’s challenge', () => {
  it('is asked for the unit the tip goes to, and solved (on the main thread where there is no worker)', async () => {
    const solver = new ChallengeSolver();
    const header = await solver.take('21220-002');
    expect(getChallenge).toHaveBeenCalledWith('21220-002');
    expect(header).toMatch(/^token-21220-002-1:\d+$/);
    expect(answers(header, 6)).toBe(true);
  });

  it('prepared for one unit, is asked again when the tip goes to another', async () => {
    const solver = new ChallengeSolver();
    solver.prepare('21220-001');
    const header = await solver.take('21220-002');
    expect(getChallenge.mock.calls.map((c) => c[0])).toEqual(['21220-001', '21220-002']);
    expect(header).toMatch(/^token-21220-002-/);
  });

  it('hands out each answer once: a second send (challenge_harder) gets a fresh one', async () => {
    const solver = new ChallengeSolver();
    solver.prepare('21220-002');
    const first = await solver.take('21220-002');
    const second = await solver.take('21220-002');
    expect(first).not.toEqual(second);
    expect(getChallenge).toHaveBeenCalledTimes(2);
  });
});
