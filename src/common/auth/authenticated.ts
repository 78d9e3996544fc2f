import { Roles } from './access.decorators';
import { ROLES } from './role';

/** Any signed-in person, whatever their roles. */
export const Authenticated = (): MethodDecorator & ClassDecorator => Roles(...ROLES);
