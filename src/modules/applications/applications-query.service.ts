import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/role';
import { DomainError } from '../../common/errors/domain-error';
import { ApplicationErrors as E } from './applications.errors';
import { ApplicationReturnsRepository } from './application-returns.repository';
import { ApplicationsRepository } from './applications.repository';
import { canChange, canSee } from './domain/application-access';
import { canApplication } from './domain/application-status';
import { Application } from './entities/application.entity';

/**
 * An application as other modules read it, under this module's access rules: attachments hang
 * files off an application and let the same people see and change them as the application itself.
 */
@Injectable()
export class ApplicationsQueryService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly returns: ApplicationReturnsRepository,
  ) {}

  /** The application if the viewer may see it; APPLICATION.NOT_FOUND otherwise, as if it did not exist. */
  async visible(viewer: AuthUser, id: string): Promise<Application> {
    const application = await this.applications.findRow(id);
    if (!application || !canSee(viewer, application)) throw new DomainError(E.NOT_FOUND);
    return application;
  }

  /**
   * The application row, locked in the caller's transaction, if the viewer may see it: changes to
   * what hangs off it take turns with each other and with submission.
   */
  async lockVisible(em: EntityManager, viewer: AuthUser, id: string): Promise<Application> {
    const application = await this.applications.lockRow(em, id);
    if (!application || !canSee(viewer, application)) throw new DomainError(E.NOT_FOUND);
    return application;
  }

  /**
   * Locks a draft, or a returned application before its date to answer by, that the actor may
   * change (lockVisible, then NOT_ASSISTED, NOT_DRAFT or ANSWER_DATE_PASSED when they may not).
   */
  async lockChangeableDraft(em: EntityManager, actor: AuthUser, id: string): Promise<Application> {
    const application = await this.lockVisible(em, actor, id);
    if (!canChange(actor, application)) throw new DomainError(E.NOT_ASSISTED);
    if (!canApplication('edit', application.status)) throw new DomainError(E.NOT_DRAFT, { status: application.status });
    if (application.status === 'returned' && !(await this.returns.answerable(em, id)))
      throw new DomainError(E.ANSWER_DATE_PASSED);
    return application;
  }
}
