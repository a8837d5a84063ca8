/** Address and permission of the reports dashboard. */
export const REPORTS_PATH = '/bao-cao';
export const REPORTS_READ = 'reports.read';
