import type { Response } from 'supertest';
import { TestContext } from './test-app';

/** The one error shape; for validation errors, also that `details.fields` names the field. */
export function expectError(res: Response, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.body).toEqual({ code, message: expect.any(String), details: expect.any(Object) });
  if (field) {
    const fields = (res.body.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toContain(field);
  }
}

export async function countRows(ctx: TestContext, table: string): Promise<number> {
  return Number((await ctx.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
}

export interface AuditBody {
  seq: string;
  action: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit events of one entity, in chain order, read through the API as the given person. */
export async function auditOf(
  ctx: TestContext,
  entityType: string,
  entityId: string,
  auth: Record<string, string>,
): Promise<AuditBody[]> {
  const res = await ctx.http().get('/api/audit-events').query({ entityType, entityId }).set(auth).expect(200);
  return res.body.items as AuditBody[];
}
