import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AttachmentUsage } from '../stored-files/domain/attachment-limits';
import { Attachment } from './entities/attachment.entity';

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async usage(em: EntityManager, applicationId: string): Promise<AttachmentUsage> {
    const [row]: { count: number; totalBytes: string }[] = await em.query(
      `SELECT count(*)::int AS count, coalesce(sum(size), 0)::bigint AS "totalBytes" FROM attachments WHERE application_id = $1`,
      [applicationId],
    );
    return { count: row.count, totalBytes: Number(row.totalBytes) };
  }

  async insert(em: EntityManager, values: Omit<Attachment, 'id' | 'createdAt'>): Promise<Attachment> {
    return em.save(Attachment, em.create(Attachment, values));
  }

  async listFor(applicationId: string): Promise<Attachment[]> {
    return this.dataSource.manager.find(Attachment, {
      where: { applicationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async pageFor(applicationId: string, limit: number, offset: number): Promise<[Attachment[], number]> {
    return this.dataSource.manager.findAndCount(Attachment, {
      where: { applicationId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async find(
    applicationId: string,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Attachment | null> {
    return em.findOne(Attachment, { where: { id, applicationId } });
  }

  async setIdentifying(em: EntityManager, id: string, identifying: boolean): Promise<void> {
    await em.query('UPDATE attachments SET identifying = $2 WHERE id = $1', [id, identifying]);
  }

  async storageKeysOf(em: EntityManager, applicationId: string): Promise<string[]> {
    const rows: { key: string }[] = await em.query(
      'SELECT storage_key AS key FROM attachments WHERE application_id = $1',
      [applicationId],
    );
    return rows.map((r) => r.key);
  }

  async remove(em: EntityManager, id: string): Promise<void> {
    await em.delete(Attachment, { id });
  }
}
