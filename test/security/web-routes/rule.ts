import { RouteRule } from '../route-table';
import { World } from '../world';

/** The world of the API's route matrix, plus what only the web pages need. */
export type WebWorld = World & { assetName: string };

/** A web route's rule reads like an API route's; only where a page asks is it different. */
export type WebRouteRule = Omit<RouteRule, 'params'> & { params?: (w: WebWorld) => Record<string, string> };
