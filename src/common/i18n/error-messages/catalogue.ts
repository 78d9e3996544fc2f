/**
 * An error message: plain text, or, where the details carry a number worth showing, the text with
 * `{name}` placeholders filled from the details and the text for when they are absent (a page that
 * shows a code without its details).
 */
export type ErrorText = string | { withDetails: string; withoutDetails: string };

/** Every error code's message in one language. */
export type ErrorCatalogue = Readonly<Record<string, ErrorText>>;
