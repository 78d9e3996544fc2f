const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A village id from a hand-editable query or hidden field: anything else asks for a village. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
