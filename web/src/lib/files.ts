/** Names of downloaded files, in Vietnamese without diacritics: `so-tuan-tra_xa-son-tinh_2026-12-04.xlsx`. */
import { foldText } from './units';

/** "Xã Sơn Tịnh" → "xa-son-tinh". */
export function fileSlug(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** `<what>_<unit>_<day>.<ext>`; no unit: the whole country ("toan-quoc"). */
export function downloadName(what: string, unitName: string | null | undefined, day: string, ext: string): string {
  return `${fileSlug(what)}_${fileSlug(unitName || 'Toàn quốc')}_${day}.${ext}`;
}
