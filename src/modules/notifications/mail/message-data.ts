import { MESSAGE_TYPES, MessageType } from './message-types';

export interface MessageDataFields {
  /** Present and not null in every message of the type. */
  required: readonly string[];
  /** Every field the data may carry: the required and the optional ones. */
  allowed: readonly string[];
}

/** The fields message-types.ts declares for the outbox data of `type`. */
export function messageDataFields(type: MessageType): MessageDataFields {
  const declared: { data: readonly string[]; optionalData?: readonly string[] } = MESSAGE_TYPES[type];
  return { required: declared.data, allowed: [...declared.data, ...(declared.optionalData ?? [])] };
}

/**
 * What is wrong with an outbox row's data for its type, one line per problem; empty when nothing
 * is. The same rule the outbox applies in SQL to messages built there (notifications.repository.ts).
 */
export function messageDataProblems(type: MessageType, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['data is not a JSON object'];
  const { required, allowed } = messageDataFields(type);
  const fields = data as Record<string, unknown>;
  return [
    ...required.filter((f) => fields[f] == null).map((f) => `"${f}" is missing`),
    ...Object.keys(fields)
      .filter((f) => !allowed.includes(f))
      .map((f) => `"${f}" is not a field of ${type}`),
  ];
}
