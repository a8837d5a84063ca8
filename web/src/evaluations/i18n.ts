/**
 * The texts of the evaluation pages (EvaluationsPage, EvaluationDetail, CriteriaSets): `evaluations`; the menu's entries, `evaluations.nav`, are the app's. Kept beside
 * the pages and added to i18next when one of them loads, not in the staff app's first load (issue
 * 17). Both languages here: the English is as small as the Vietnamese.
 */
import i18n from '../i18n';
import en from './texts.en.json';
import vi from './texts.vi.json';

i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
