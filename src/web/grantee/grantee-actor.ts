import { AuthUser } from '../../common/auth/role';

/**
 * The signed-in person as the grantee of their own awards. Pages of this area read awards only as
 * their applicant, whatever other roles the person holds, so an id of someone else's award answers
 * "not found" here even for a person who is staff elsewhere.
 */
export const granteeActor = (userId: string): AuthUser => ({ id: userId, roles: ['applicant'] });
