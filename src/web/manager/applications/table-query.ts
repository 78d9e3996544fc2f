import { isUUID } from 'class-validator';
import { ApplicationFilter, SortKey } from '../../../modules/applications/applications-query.repository';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  Sector,
  SECTORS,
} from '../../../modules/applications/domain/application-status';

/** Rows per page of the applications table: a screenful on a 1280 px screen, well under 100 KB. */
export const PAGE_SIZE = 50;
/** Columns a manager sorts by, as the table's header links name them. */
export const TABLE_SORTS = [
  'reference',
  'title',
  'requestedAmount',
  'submittedAt',
] as const satisfies readonly SortKey[];
export type TableSort = (typeof TABLE_SORTS)[number];

/** The filters of the table's GET form, as its fields are named. */
export interface TableFilter {
  status?: ApplicationStatus;
  village?: string;
  district?: string;
  goal?: string;
  sector?: Sector;
  q?: string;
}

export interface TableQuery extends TableFilter {
  sort: TableSort;
  order: 'asc' | 'desc';
  page: number;
}

export const FILTER_FIELDS = ['status', 'village', 'district', 'goal', 'sector', 'q'] as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);
const id = (value: unknown): string | undefined => {
  const v = text(value);
  return v && isUUID(v, 'all') ? v.toLowerCase() : undefined;
};
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => {
  const v = text(value);
  return allowed.includes(v as T) ? (v as T) : undefined;
};

/** The filters a form (the GET form, or the bulk form's hidden copy of it) sent; a value that is not one is left out. */
export function tableFilter(source: Record<string, unknown>): TableFilter {
  const q = text(source.q)?.slice(0, 100);
  const filter: TableFilter = {
    status: oneOf(source.status, APPLICATION_STATUSES),
    village: id(source.village),
    district: id(source.district),
    goal: id(source.goal),
    sector: oneOf(source.sector, SECTORS),
    q: q || undefined,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as TableFilter;
}

/**
 * The table's query: filters, sort and page. A stale or hand-edited link shows the table without
 * what it cannot read (as the public pages do), rather than an error page.
 */
export function tableQuery(query: unknown): TableQuery {
  const source = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const page = Number(source.page);
  const sort = oneOf(source.sort, TABLE_SORTS);
  return {
    ...tableFilter(source),
    sort: sort ?? 'submittedAt',
    // Newest first by default; a column a manager picks starts ascending.
    order: oneOf(source.order, ['asc', 'desc'] as const) ?? (sort ? 'asc' : 'desc'),
    page: Number.isSafeInteger(page) && page > 1 && page <= 100_000 ? page : 1,
  };
}

/** The service's filter for a competition. */
export function applicationFilter(competitionId: string, filter: TableFilter): ApplicationFilter {
  return {
    competitionId,
    status: filter.status,
    villageId: filter.village,
    districtId: filter.district,
    goalId: filter.goal,
    sector: filter.sector,
    q: filter.q,
  };
}

/** The query string of a table state (filters first, then sort and page), without defaults. */
export function tableSearch(query: Partial<TableQuery>): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = query[field];
    if (value) params.set(field, value);
  }
  if (query.sort && (query.sort !== 'submittedAt' || query.order !== 'desc')) {
    params.set('sort', query.sort);
    params.set('order', query.order ?? 'asc');
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}
