/** Addresses and permissions of the "An toàn về an ninh, trật tự" evaluation pages. */
export const EVALUATIONS_PATH = '/danh-gia-an-toan';
export const EVALUATION_CRITERIA_PATH = '/danh-gia-an-toan/bo-tieu-chi';
export const evaluationPath = (id: string | number) => `${EVALUATIONS_PATH}/${encodeURIComponent(String(id))}`;

export const EVALUATIONS_READ = 'movement.read';
export const EVALUATIONS_WRITE = 'evaluations.write';
export const EVALUATIONS_APPROVE = 'evaluations.approve';
export const EVALUATIONS_CRITERIA = 'evaluations.criteria';
