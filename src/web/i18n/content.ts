import { LocalizedText, pickText } from '../../common/i18n/localized-text';

/** Text that staff wrote: a translations object, or a plain string kept from before translations. */
export type ContentText = LocalizedText | string | null | undefined;

/** In the reader's language when given, else Kazakh, Russian, English (the one rule, pickText). */
export const contentText = pickText;
