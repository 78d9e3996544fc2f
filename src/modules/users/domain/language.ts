/** The languages live in src/common/i18n/language.ts (below every module); this keeps older imports working. */
export { LANGUAGES, type Language } from '../../../common/i18n/language';
