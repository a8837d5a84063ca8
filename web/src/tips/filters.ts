/**
 * The inbox's filters as the address keeps them (`/tin-bao?status=…`). Apart from the filters'
 * fields (TipFilters.tsx): the page reads them before its inbox's code has loaded.
 */
// `held`: 'true' only the tips held for review during a flood, 'false' all but them, '' all
export const FILTERS = ['status', 'category', 'from', 'to', 'overdue', 'assignee', 'q', 'held'] as const;
export type TipFilterValues = Record<(typeof FILTERS)[number], string>;
