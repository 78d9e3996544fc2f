import { DomainError } from '../../common/errors/domain-error';
import { CompetitionErrors } from '../../modules/competitions/competitions.errors';
import { pathId, placeQuery, unlessRefused } from './public-reads';

const ID = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';

describe('public page queries', () => {
  it('takes only UUIDs from a query (lower-cased), and a page number above one', () => {
    expect(placeQuery({ region: ID, district: '<script>', village: ['a'], goal: '', page: '3', other: ID })).toEqual({
      region: ID.toLowerCase(),
      page: 3,
    });
    expect(placeQuery({ page: '1' })).toEqual({});
    expect(placeQuery({ page: '2.5' })).toEqual({});
    expect(placeQuery({ page: '99999999' })).toEqual({});
    expect(placeQuery(undefined)).toEqual({});
  });

  it('treats a path id that is not a UUID as not found', () => {
    expect(pathId(ID, CompetitionErrors.NOT_FOUND)).toBe(ID.toLowerCase());
    expect(() => pathId('1 OR 1=1', CompetitionErrors.NOT_FOUND)).toThrow(DomainError);
  });

  it('turns only the named refusal into null', async () => {
    const refused = Promise.reject(new DomainError(CompetitionErrors.NOT_FOUND));
    await expect(unlessRefused(refused, CompetitionErrors.NOT_FOUND)).resolves.toBeNull();
    const other = Promise.reject(new DomainError(CompetitionErrors.RULES_FROZEN));
    await expect(unlessRefused(other, CompetitionErrors.NOT_FOUND)).rejects.toThrow(DomainError);
    await expect(unlessRefused(Promise.resolve(1), CompetitionErrors.NOT_FOUND)).resolves.toBe(1);
  });
});
