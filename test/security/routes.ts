import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_PATH, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../src/common/auth/access.decorators';
import { Role } from '../../src/common/auth/role';

/** Where @ApiExcludeController() (@nestjs/swagger) keeps its mark; the package does not export the name. */
const API_EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';

export interface RouteInfo {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  handler: string;
  /** The classes of the whole request body and query string the handler takes, if any. */
  body?: DtoClass;
  query?: DtoClass;
}

export type DtoClass = new (...args: never[]) => object;

/** The class of the handler argument taken whole from the body or the query (`@Body()`, `@Query()`). */
function argumentClass(controller: DtoClass, name: string, kind: RouteParamtypes): DtoClass | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? []) as unknown[];
  const entry = Object.entries(args).find(
    ([key, arg]) => key.split(':')[0] === String(kind) && arg.data === undefined,
  )?.[1];
  const type = entry && types[entry.index];
  return typeof type === 'function' && type !== Object ? (type as DtoClass) : undefined;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .filter((p): p is string => Boolean(p))
    .map((p) => p.replace(/^\/|\/$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of the running application, read from Nest's own controller metadata: those of the
 * JSON API (`api`), or those kept out of its OpenAPI document, the web pages and their assets (`web`).
 */
export function listRoutes(app: INestApplication, kind: 'api' | 'web' = 'api'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const modules = app.get(ModulesContainer);
  for (const module of modules.values()) {
    // The path RouterModule gives the module (`api` for the JSON API, see src/api-routes.ts).
    const modulePath = (Reflect.getMetadata(MODULE_PATH + modules.applicationId, module.metatype) ??
      Reflect.getMetadata(MODULE_PATH, module.metatype)) as string | undefined;
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as DtoClass | undefined;
      if (!controller) continue;
      const outsideApi = Boolean(Reflect.getMetadata(API_EXCLUDE_CONTROLLER, controller)?.[0]);
      if (outsideApi !== (kind === 'web')) continue;
      const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        const isPublic = Boolean(
          Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller),
        );
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as
          Role[] | undefined;
        for (const prefix of prefixes) {
          for (const path of ([] as string[]).concat(paths)) {
            routes.push({
              method: RequestMethod[method],
              path: join(modulePath, prefix, path),
              isPublic,
              roles,
              handler: `${controller.name}.${name}`,
              body: argumentClass(controller, name, RouteParamtypes.BODY),
              query: argumentClass(controller, name, RouteParamtypes.QUERY),
            });
          }
        }
      }
    }
  }
  return routes;
}

/** Routes that declare neither @Public() nor @Roles(...): each is a finding. */
export function undeclaredRoutes(routes: RouteInfo[]): string[] {
  return routes
    .filter((r) => !r.isPublic && !(r.roles && r.roles.length > 0))
    .map((r) => `${r.method} ${r.path} (${r.handler})`);
}
