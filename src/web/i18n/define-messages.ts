import { Language } from '../../modules/users/domain/language';

/** A text that depends on a count: one form per plural category of the language (Intl.PluralRules). */
export interface PluralText {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageText = string | PluralText;

/**
 * One area's texts in the three languages side by side. The type makes a key missing from one
 * language (or present in only one) a compile error; catalogue.spec.ts checks the same at run time
 * together with placeholders and plural forms.
 */
export function defineMessages<K extends string>(messages: Record<Language, Record<K, MessageText>>) {
  return messages;
}
