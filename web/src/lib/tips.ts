/**
 * Rules of citizen tips (tin báo, tố giác) that the public pages use (and the staff pages too):
 * tracking codes, limits of descriptions and attachments, Vietnam dates and times.
 * No dependencies and no texts: the public pages must stay small. The handling workflow
 * (statuses, channels, decisions) is in tipWorkflow.ts, which only the staff pages load.
 */
import { formatNumber, parseDate } from './format';

// --- tracking codes -------------------------------------------------------------------------------

/** A tracking code as typed ("7kqm x4tb", "7KQM-X4TB") → its letters and digits, upper case ("7KQMX4TB"). */
export function normaliseTrackingCode(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―_.]/g, '');
}

/** The code as shown and sent: groups of four joined by dashes ("7KQM-X4TB"). */
export function formatTrackingCode(text: string): string {
  const plain = normaliseTrackingCode(text);
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

/** Whether a typed code can be a tracking code at all (letters and digits, 6 to 32 of them). */
export function isPlausibleTrackingCode(text: string): boolean {
  return /^[A-Z0-9]{6,32}$/.test(normaliseTrackingCode(text));
}

/** The secret as typed, without surrounding spaces (copying often adds some). */
export function normaliseSecret(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The tracking page's address fragment (`#code=…&secret=…`): the fragment never reaches the
 * server, so the secret stays out of request logs.
 */
export function trackingHash(code: string, secret: string): string {
  const p = new URLSearchParams({ code: formatTrackingCode(code), secret });
  return `#${p.toString()}`;
}

/** Code and secret from the tracking page's fragment, or null. */
export function parseTrackingHash(hash: string): { code: string; secret: string } | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return null;
  const p = new URLSearchParams(text);
  const code = p.get('code')?.trim() ?? '';
  const secret = normaliseSecret(p.get('secret') ?? '');
  if (!code) return null;
  return { code: formatTrackingCode(code), secret };
}

// --- descriptions ---------------------------------------------------------------------------------

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;
export const MESSAGE_MAX = 5000;
export const REVEAL_REASON_MIN = 10;

/** Characters (Unicode code points, precomposed) of a text, as the server counts them. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text.trim().normalize('NFC')) n += 1;
  return n;
}

/** True when a reason to reveal sealed data is long enough to send (REVEAL_REASON_MIN characters, spaces around not counted). */
export function revealReasonLongEnough(reason: string): boolean {
  return textLength(reason) >= REVEAL_REASON_MIN;
}

/** 'short' | 'long' | null for a description. */
export function descriptionProblem(text: string): 'short' | 'long' | null {
  const n = textLength(text);
  if (n < DESCRIPTION_MIN) return 'short';
  if (n > DESCRIPTION_MAX) return 'long';
  return null;
}

// --- attachments ----------------------------------------------------------------------------------

export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENTS_MAX = 10;
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/3gpp',
  'video/webm',
] as const;
const ATTACHMENT_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.mp4', '.mov', '.3gp', '.webm'];
/** The `accept` attribute of the file inputs. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, ...ATTACHMENT_EXTENSIONS].join(',');

/**
 * What is wrong with a chosen file before sending it ('tooLarge', 'badType', 'empty'), or null.
 * The server decides by content; this only saves a useless upload.
 */
export function attachmentProblem(file: { name: string; size: number; type: string }): 'tooLarge' | 'badType' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'tooLarge';
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  const known = (ATTACHMENT_TYPES as readonly string[]).includes(type) || ATTACHMENT_EXTENSIONS.some((e) => name.endsWith(e));
  return known ? null : 'badType';
}

/** 2048 → "2 KB", 1572864 → "1,5 MB" (binary units, Vietnamese decimal mark). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

// --- times ----------------------------------------------------------------------------------------

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * A `datetime-local` value ("2026-11-20T13:00"), read as Vietnam time (UTC+7), as an RFC 3339
 * UTC timestamp ("2026-11-20T06:00:00Z"); null when empty or invalid.
 */
export function vnLocalToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0);
  const probe = new Date(utc);
  if (probe.getUTCMonth() !== month! - 1 || probe.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  return new Date(utc - VN_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "20/11/2026", "20-11-2026", "20.11.2026", "20/11/26" → "2026-11-20"; null when not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return parseDate(`${m[1]}/${m[2]}/${year}`);
}

/** "21:30", "21h30", "21h", "9.05" → "21:30" etc.; null when not a time of day. */
export function parseVnTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*(?:[:hg.]\s*(\d{2})?)?\s*$/i.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * When something happened, typed as a Vietnam date ("20/11/2026") and an optional time ("21:30"),
 * as an RFC 3339 UTC timestamp; or what is wrong with it. Empty date and time: `{ value: null }`.
 */
export function parseOccurredAt(date: string, time: string): { value: string | null; problem?: 'badDate' | 'badTime' | 'needsDate' } {
  if (!date.trim() && !time.trim()) return { value: null };
  if (!date.trim()) return { value: null, problem: 'needsDate' };
  const day = parseVnDate(date);
  if (!day) return { value: null, problem: 'badDate' };
  let clock = '00:00';
  if (time.trim()) {
    const tt = parseVnTime(time);
    if (!tt) return { value: null, problem: 'badTime' };
    clock = tt;
  }
  return { value: vnLocalToIso(`${day}T${clock}`) };
}

/** A moment as a `datetime-local` value in Vietnam time ("2026-11-20T13:00"). */
export function isoToVnLocal(value: string | Date): string {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) return '';
  return new Date(t + VN_OFFSET_MS).toISOString().slice(0, 16);
}
