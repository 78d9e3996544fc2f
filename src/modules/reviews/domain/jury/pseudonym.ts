import { createHmac } from 'node:crypto';

/**
 * A juror's stable pseudonym within one competition for observers: the same juror always reads
 * as the same `J-xxxxxxxx`, and without the server's secret nobody can tell who it is.
 */
export function jurorPseudonym(secret: string, competitionId: string, jurorId: string): string {
  return `J-${createHmac('sha256', secret).update(`juror:${competitionId}:${jurorId}`).digest('hex').slice(0, 8)}`;
}
