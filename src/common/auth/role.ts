export const ROLES = ['applicant', 'juror', 'manager', 'finance', 'observer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AuthUser {
  id: string;
  roles: Role[];
}
