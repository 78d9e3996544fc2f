import { auditQuery, readAuditFilter } from './audit-filter';

const UUID = '0b6c1a2e-1f1d-4c1e-9a55-3f8f2f6a0c11';

describe('the audit log’s filter form', () => {
  it('passes good filters through and keeps a numeric cursor', () => {
    const read = readAuditFilter({
      entityType: 'competition',
      entityId: UUID,
      actorId: UUID.toUpperCase(),
      afterSeq: '50',
    });
    expect(read.errors).toEqual([]);
    expect(read.filter).toEqual({ entityType: 'competition', entityId: UUID, actorId: UUID, afterSeq: '50' });
  });

  it('names each bad field, and needs a type with an id', () => {
    expect(readAuditFilter({ entityType: 'Comp;', actorId: 'x' }).errors.map((e) => e.field)).toEqual([
      'entityType',
      'actorId',
    ]);
    expect(readAuditFilter({ entityId: UUID }).errors).toEqual([
      { field: 'entityType', message: 'observer.audit.error.entityTypeNeeded' },
    ]);
    expect(readAuditFilter({ entityId: '<b>' }).errors.map((e) => e.message)).toEqual([
      'observer.audit.error.entityId',
    ]);
  });

  it('ignores a hand-edited cursor, repeated parameters and unknown ones', () => {
    const read = readAuditFilter({ afterSeq: '-1', entityType: ['a', 'b'], limit: '9999' });
    expect(read.errors).toEqual([]);
    expect(read.filter).toEqual({
      entityType: undefined,
      entityId: undefined,
      actorId: undefined,
      afterSeq: undefined,
    });
  });

  it('writes the next link with the same filters', () => {
    expect(auditQuery({ entityType: 'award', entityId: '', actorId: '' }, '100')).toBe(
      '/oversight/audit?entityType=award&afterSeq=100',
    );
    expect(auditQuery({ entityType: '', entityId: '', actorId: '' })).toBe('/oversight/audit');
  });
});
