/**
 * A competition's short code (DESIGN.md section 3): it goes into every application reference
 * (`SU-TUP-2026-0042`), so it is unique across the service and frozen once the competition opens.
 * Two to eight capital Latin letters or digits, starting with a letter: a code of digits alone
 * would read like the year beside it (`SU-2026-2026-0042`). The table's CK_competitions_code says
 * the same in SQL.
 */
export const COMPETITION_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,7}$/;

export const COMPETITION_CODE_RULE = '2 to 8 capital Latin letters or digits, starting with a letter, such as TUP26';
