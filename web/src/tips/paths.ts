/** `/tin-bao?xem=viec-can-lam` ("việc cần làm", the tasks): the panel above the inbox (where a police officer lands after login). */
export const TASKS_VIEW = 'viec-can-lam';

/** The address asks for the to-do view. */
export function isTasksView(search: string): boolean {
  return new URLSearchParams(search).get('xem') === TASKS_VIEW;
}
