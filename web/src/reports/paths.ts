/** Address and permission of the reports dashboard. */
export const REPORTS_PATH = '/bao-cao';
export const REPORTS_READ = 'reports.read';
/** Issuing a numbered report: steering members and administrators. */
export const REPORTS_ISSUE = 'reports.issue';
