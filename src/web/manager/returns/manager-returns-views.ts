import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../common/auth/role';
import { DomainError } from '../../../common/errors/domain-error';
import { ApplicationDraftsService } from '../../../modules/applications/application-drafts.service';
import { ApplicationErrors } from '../../../modules/applications/applications.errors';
import { CompetitionsService } from '../../../modules/competitions/competitions.service';
import { ReturnApplication } from './return.page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the return form shows of the application: which one, and where it stands. */
@Injectable()
export class ManagerReturnsViews {
  constructor(
    private readonly drafts: ApplicationDraftsService,
    private readonly competitions: CompetitionsService,
  ) {}

  async application(actor: AuthUser, id: string): Promise<ReturnApplication> {
    if (!UUID.test(id)) throw new DomainError(ApplicationErrors.NOT_FOUND);
    const a = await this.drafts.get(actor, id);
    const competition = await this.competitions.get(a.competitionId);
    return { id: a.id, title: a.title, reference: a.reference, status: a.status, competitionTitle: competition.title };
  }
}
