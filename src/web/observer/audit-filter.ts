import { FieldError } from '../ui/form';
import { AuditFilter } from './observer-views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY_TYPE = /^[a-z][a-z_]{0,63}$/;
const ENTITY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SEQ = /^\d{1,18}$/;

export interface AuditFilterValues {
  entityType: string;
  entityId: string;
  actorId: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The audit log's GET form: each filter checked as the JSON API checks it, every problem named.
 * A hand-edited cursor that is not a sequence number starts from the beginning rather than failing.
 */
export function readAuditFilter(query: Record<string, unknown>): {
  values: AuditFilterValues;
  filter: AuditFilter;
  errors: FieldError[];
} {
  const values = { entityType: text(query.entityType), entityId: text(query.entityId), actorId: text(query.actorId) };
  const errors: FieldError[] = [];
  if (values.entityType && !ENTITY_TYPE.test(values.entityType))
    errors.push({ field: 'entityType', message: 'observer.audit.error.entityType' });
  if (values.entityId && !ENTITY_ID.test(values.entityId))
    errors.push({ field: 'entityId', message: 'observer.audit.error.entityId' });
  else if (values.entityId && !values.entityType)
    errors.push({ field: 'entityType', message: 'observer.audit.error.entityTypeNeeded' });
  if (values.actorId && !UUID.test(values.actorId))
    errors.push({ field: 'actorId', message: 'observer.audit.error.actorId' });
  const afterSeq = text(query.afterSeq);
  const filter: AuditFilter = {
    entityType: values.entityType || undefined,
    entityId: values.entityId || undefined,
    actorId: values.actorId ? values.actorId.toLowerCase() : undefined,
    afterSeq: SEQ.test(afterSeq) ? afterSeq : undefined,
  };
  return { values, filter, errors };
}

/** The same filters as a query string, for the "next" link. */
export function auditQuery(values: AuditFilterValues, afterSeq?: string): string {
  const params = new URLSearchParams();
  if (values.entityType) params.set('entityType', values.entityType);
  if (values.entityId) params.set('entityId', values.entityId);
  if (values.actorId) params.set('actorId', values.actorId);
  if (afterSeq) params.set('afterSeq', afterSeq);
  const query = params.toString();
  return query ? `/oversight/audit?${query}` : '/oversight/audit';
}
