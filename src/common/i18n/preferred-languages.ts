import { Language } from './language';

/**
 * Where the error filter reads a signed-in person's language. The users module owns the column; the
 * wiring (app.module.ts) binds this token to it, so nothing under common/ imports a feature module.
 */
export const PREFERRED_LANGUAGES = Symbol('PREFERRED_LANGUAGES');

export interface PreferredLanguages {
  /** Null when there is no such user. */
  preferredLanguageOf(userId: string): Promise<Language | null>;
}
