import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth/access.decorators';
import { Role } from '../../src/common/auth/role';

export interface RouteInfo {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  handler: string;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route of the running application, read from Nest's own controller metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller));
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as Role[] | undefined;
        for (const prefix of prefixes) {
          for (const path of ([] as string[]).concat(paths)) {
            routes.push({ method: RequestMethod[method], path: join(prefix, path), isPublic, roles, handler: `${controller.name}.${name}` });
          }
        }
      }
    }
  }
  return routes;
}

/** Routes that declare neither @Public() nor @Roles(...): each is a finding. */
export function undeclaredRoutes(routes: RouteInfo[]): string[] {
  return routes.filter((r) => !r.isPublic && !(r.roles && r.roles.length > 0)).map((r) => `${r.method} ${r.path} (${r.handler})`);
}
