/**
 * SQL over translations columns (jsonb {kk?, ru?, en?}), for the repositories that search and sort
 * them. `column` is an SQL expression the caller writes (never user input).
 */

/** The text a reader falls back to, kk then ru then en: the one sort key lists use in every language. */
export const pickedTextSql = (column: string): string =>
  `coalesce(${column}->>'kk', ${column}->>'ru', ${column}->>'en')`;

/** True when any of the languages matches the ILIKE pattern in parameter `param` (`:search` or `$1`). */
export const textMatchesSql = (column: string, param: string): string =>
  `(${column}->>'kk' ILIKE ${param} OR ${column}->>'ru' ILIKE ${param} OR ${column}->>'en' ILIKE ${param})`;

/** Every language's text of the column joined by spaces: for matching words whatever the language. */
export const allTextsSql = (column: string): string =>
  `concat_ws(' ', ${column}->>'kk', ${column}->>'ru', ${column}->>'en')`;
