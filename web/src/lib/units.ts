/** Unit kinds the API knows, in tree order; each has an i18n label `unitKind.<kind>`. */
export const UNIT_KINDS = ['province', 'district', 'commune', 'village', 'establishment'] as const;

/** The i18n key of a unit kind's label; unknown kinds fall back to `unitKind.other`. */
export function unitKindKey(kind: string): string {
  return (UNIT_KINDS as readonly string[]).includes(kind) ? `unitKind.${kind}` : 'unitKind.other';
}

/** Tag colour of a unit kind (Ant Design preset colours). */
export function unitKindColor(kind: string): string {
  switch (kind) {
    case 'province':
      return 'red';
    case 'district':
      return 'volcano';
    case 'commune':
      return 'gold';
    case 'village':
      return 'green';
    case 'establishment':
      return 'blue';
    default:
      return 'default';
  }
}

type Translate = (key: string, options?: { defaultValue: string }) => string;

/** A code-like value (`enterprise`, `vn-2tier`) translated from `<group>.<value>`, else shown as it is. */
function codeLabel(t: Translate, group: string, value: string | null | undefined): string {
  if (!value) return '';
  return /^[a-z0-9_-]+$/.test(value) ? t(`${group}.${value}`, { defaultValue: value }) : value;
}

/** The type of a unit: Vietnamese administrative types ("Xã", "Thôn") as sent, establishment types translated. */
export function subkindLabel(t: Translate, subkind: string | null | undefined): string {
  return codeLabel(t, 'unitSubkind', subkind);
}

/** The source dataset of a unit, translated when known. */
export function datasetLabel(t: Translate, dataset: string | null | undefined): string {
  return codeLabel(t, 'dataset', dataset);
}

/** Text folded for matching: lower case, no Vietnamese diacritics ("Sơn Tịnh" → "son tinh", "Đ" → "d"). */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A select's filterOption: the option's label holds the words typed, regardless of case, diacritics and extra spaces. */
export function matchOption(input: string, option?: { label?: unknown }): boolean {
  return !!option && typeof option.label === 'string' && foldText(option.label).includes(foldText(input));
}
