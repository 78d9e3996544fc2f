import type { AuthUser } from '../../../common/auth/role';

const STAFF = ['manager', 'admin'] as const;

/** What the access rules read of an application. */
export interface ApplicationParties {
  applicantId: string;
  /** Entered by a manager for an applicant who came in person. */
  assisted: boolean;
}

/** The owner and staff see an application; anyone else is told it does not exist. */
export function canSee(viewer: AuthUser, application: Pick<ApplicationParties, 'applicantId'>): boolean {
  return application.applicantId === viewer.id || viewer.roles.some((r) => (STAFF as readonly string[]).includes(r));
}

/** The applicant changes their own application; staff change only those entered by assisted intake. */
export function canChange(actor: AuthUser, application: ApplicationParties): boolean {
  return application.applicantId === actor.id || (application.assisted && canSee(actor, application));
}
