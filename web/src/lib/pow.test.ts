import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeHeader, checkNonce, hasLeadingZeroBits, leadingZeroBits, powDigest, solveRange } from './pow';

const nodeSha = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

describe('leading zero bits', () => {
  it('counts whole and partial bytes', () => {
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0x01]))).toBe(7);
    expect(leadingZeroBits(new Uint8Array([0x00, 0x00, 0x1f]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('checks a number of bits', () => {
    const b = new Uint8Array([0x00, 0x00, 0x1f, 0xff]);
    for (let bits = 0; bits <= 19; bits++) expect(hasLeadingZeroBits(b, bits), String(bits)).toBe(true);
    for (let bits = 20; bits <= 32; bits++) expect(hasLeadingZeroBits(b, bits), String(bits)).toBe(false);
    expect(hasLeadingZeroBits(new Uint8Array([0x7f]), 1)).toBe(true);
    expect(hasLeadingZeroBits(new Uint8Array([0x80]), 1)).toBe(false);
  });
});

describe('proof of work', () => {
  it('hashes token:nonce like SHA-256 does', () => {
    expect(powDigest('abc', 42)).toEqual(nodeSha('abc:42'));
    expect(powDigest('Tòken', '7')).toEqual(nodeSha('Tòken:7'));
  });

  it('finds the first answering nonce, the same as a plain search', () => {
    const token = 'dGVzdC10b2tlbi0xMjM0NTY';
    const bits = 12;
    const found = solveRange(token, bits, 0, 1_000_000);
    expect(found).not.toBeNull();
    let plain = 0;
    while (leadingZeroBits(nodeSha(`${token}:${plain}`)) < bits) plain++;
    expect(found).toBe(plain);
    expect(checkNonce(token, bits, found!)).toBe(true);
  });

  it('solves in slices (the cloned prefix state is reused correctly)', () => {
    const token = 'slice-token';
    const bits = 10;
    let nonce: number | null = null;
    for (let start = 0; nonce === null; start += 97) nonce = solveRange(token, bits, start, 97);
    expect(nonce).toBe(solveRange(token, bits, 0, 1_000_000));
    expect(leadingZeroBits(nodeSha(`${token}:${nonce}`))).toBeGreaterThanOrEqual(bits);
  });

  it('solves the default 16 bits in reasonable time', () => {
    const started = Date.now();
    const nonce = solveRange('sixteen-bits-token', 16, 0, 5_000_000);
    expect(nonce).not.toBeNull();
    expect(leadingZeroBits(nodeSha(`sixteen-bits-token:${nonce}`))).toBeGreaterThanOrEqual(16);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('returns null when the slice has no answer', () => {
    expect(solveRange('x', 30, 0, 50)).toBeNull();
  });

  it('formats the header as token:nonce', () => {
    expect(challengeHeader('tok', 123)).toBe('tok:123');
  });
});
