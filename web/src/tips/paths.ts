/** `/tin-bao?xem=viec-can-lam`: the to-do panel above the inbox (where a police officer lands after login). */
export const TODO_VIEW = 'viec-can-lam';

/** The address asks for the to-do view. */
export function isTodoView(search: string): boolean {
  return new URLSearchParams(search).get('xem') === TODO_VIEW;
}
