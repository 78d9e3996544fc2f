import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../common/auth/role';
import { ApplicationDraftsService } from './application-drafts.service';
import { ApplicationReturnsRepository, SnapshotVersion } from './application-returns.repository';
import { versionChanges, VersionChange } from './domain/version-changes';
import { ApplicationReturn } from './entities/application-return.entity';

export interface ApplicationVersions {
  applicationId: string;
  reference: string | null;
  /** Oldest first, each with what changed since the one before. */
  versions: (SnapshotVersion & { changes: VersionChange[] })[];
  /** Every return for changes, oldest first; the open one (if any) has no outcome. */
  returns: ApplicationReturn[];
}

/** The submitted versions of an application and its returns for changes, for its owner and staff. */
@Injectable()
export class ApplicationVersionsService {
  constructor(
    private readonly drafts: ApplicationDraftsService,
    private readonly returns: ApplicationReturnsRepository,
  ) {}

  async versions(viewer: AuthUser, id: string): Promise<ApplicationVersions> {
    const application = await this.drafts.get(viewer, id);
    const versions = await this.returns.versions(id);
    return {
      applicationId: id,
      reference: application.reference,
      versions: versions.map((v, i) => ({
        ...v,
        changes: i === 0 ? [] : versionChanges(versions[i - 1].content, v.content),
      })),
      returns: await this.returns.of(id),
    };
  }

  /** Every return for changes of an application the viewer may see, oldest first. */
  async returnsOf(viewer: AuthUser, id: string): Promise<ApplicationReturn[]> {
    await this.drafts.get(viewer, id);
    return this.returns.of(id);
  }

  /** The open return of each given application (for lists: the dashboard, staff tables). */
  async openReturns(applicationIds: string[]): Promise<Map<string, ApplicationReturn>> {
    return new Map((await this.returns.openOf(applicationIds)).map((r) => [r.applicationId, r]));
  }
}
