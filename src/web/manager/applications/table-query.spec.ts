import { DomainError } from '../../../common/errors/domain-error';
import { readBulkForm, screeningInput } from './screening-form';
import { tableQuery, tableSearch } from './table-query';

const ID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('the applications table query', () => {
  it('reads filters, sort and page, leaving out what is not one of them', () => {
    expect(
      tableQuery({
        status: 'submitted',
        district: ID.toUpperCase(),
        village: 'x',
        sector: 'spaceflight',
        q: ' bakery ',
      }),
    ).toEqual({ status: 'submitted', district: ID, q: 'bakery', sort: 'submittedAt', order: 'desc', page: 1 });
    expect(tableQuery({ sort: 'title', page: '3' })).toEqual({ sort: 'title', order: 'asc', page: 3 });
    expect(tableQuery({ sort: 'applicant_id; drop', order: 'sideways', page: '-2' })).toEqual({
      sort: 'submittedAt',
      order: 'desc',
      page: 1,
    });
    expect(tableQuery(null)).toEqual({ sort: 'submittedAt', order: 'desc', page: 1 });
  });

  it('writes a state back as a query string without its defaults, so links stay short and stable', () => {
    expect(tableSearch({ sort: 'submittedAt', order: 'desc', page: 1 })).toBe('');
    expect(tableSearch({ q: 'a b', district: ID, sort: 'title', order: 'asc', page: 2 })).toBe(
      `?district=${ID}&q=a+b&sort=title&order=asc&page=2`,
    );
    const query = tableQuery({ status: 'eligible', sort: 'reference', order: 'desc', page: '4' });
    expect(tableQuery(Object.fromEntries(new URLSearchParams(tableSearch(query))))).toEqual(query);
  });
});

describe('the screening forms', () => {
  it('takes one ticked id or many, with the filters the page sent', () => {
    expect(readBulkForm({ _csrf: 't', ids: ID, decision: 'eligible' })).toMatchObject({ ids: [ID], all: false });
    expect(readBulkForm({ ids: [ID, ID.toUpperCase()], all: '1', sector: 'tourism' })).toMatchObject({
      ids: [ID],
      all: true,
      filter: { sector: 'tourism' },
    });
  });

  it('refuses a forged form as a whole', () => {
    for (const body of [
      { ids: 'not-an-id' },
      { surprise: '1' },
      { decision: ['eligible', 'ineligible'] },
      { ids: Array.from({ length: 501 }, () => ID) },
      'ids=1',
    ])
      expect(() => readBulkForm(body)).toThrow(DomainError);
  });

  it('names every problem of a decision, as the API and the domain rule do', () => {
    expect(screeningInput({ decision: '', reason: '', note: '' }).errors.map((e) => e.field)).toEqual(['decision']);
    expect(screeningInput({ decision: 'ineligible', reason: '', note: '' }).errors.map((e) => e.field)).toEqual([
      'reason',
    ]);
    expect(screeningInput({ decision: 'ineligible', reason: 'other', note: '' }).errors.map((e) => e.field)).toEqual([
      'note',
    ]);
    expect(screeningInput({ decision: 'ineligible', reason: 'nonsense', note: '' }).errors.map((e) => e.field)).toEqual(
      ['reason'],
    );
    expect(
      screeningInput({ decision: 'eligible', reason: '', note: 'x'.repeat(2001) }).errors.map((e) => e.field),
    ).toEqual(['note']);
    // A reason sent with "eligible" is not kept (the form has the field for the other decision).
    expect(screeningInput({ decision: 'eligible', reason: 'other', note: '' }).input).toEqual({ decision: 'eligible' });
    expect(screeningInput({ decision: 'ineligible', reason: 'documents_missing', note: 'n' }).input).toEqual({
      decision: 'ineligible',
      reason: 'documents_missing',
      note: 'n',
    });
  });
});
