import { h, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Application } from '../../modules/applications/entities/application.entity';
import { ApplicationStatusChange } from '../../modules/applications/entities/application-status-change.entity';
import { AwardDto } from '../../modules/awards/dto/award.dto';
import { Competition } from '../../modules/competitions/entities/competition.entity';
import { translator } from '../i18n/translator';
import { PageContext, PageContextHolder } from '../render/page-context';
import { DashboardPage } from './dashboard.page';
import { ReceiptPage } from './receipt.page';
import { taskStates } from './task-states';

const context: PageContext = {
  language: 'en',
  t: translator('en'),
  nonce: 'nonce',
  csrfToken: 'token',
  path: '/applications',
  user: { name: 'Aigerim', roles: ['applicant'] },
  assets: { css: '/assets/site.css', htmx: '/assets/htmx.js', app: '/assets/enhance.js' },
};
// A .ts spec (no JSX): the production build leaves out *.spec.ts only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page's props
const render = (body: VNode<any>) => renderToString(h(PageContextHolder.Provider, { value: context }, body));

const competition = {
  id: 'c1',
  title: { kk: 'Тұщыкұдық', en: 'Tushchykuduk 2027' },
  closesAt: new Date('2027-02-01T12:00:00Z'),
} as unknown as Competition;
const application = (overrides: Partial<Application> = {}) =>
  ({
    id: 'a1',
    status: 'draft',
    title: 'Bakery',
    summary: '',
    description: '',
    sector: 'trade',
    reference: null,
    submittedAt: null,
    jobsCreated: 0,
    plannedStart: null,
    durationMonths: null,
    requestedAmount: 0n,
    ownContribution: 0n,
    goals: [],
    budgetLines: [],
    ...overrides,
  }) as unknown as Application;

describe('the applicant’s pages', () => {
  it('lists what is due soonest first: a draft to finish before closing, an offer to answer', () => {
    const offer = {
      id: 'w1',
      status: 'approved',
      reference: 'SU-T-2026-0001',
      applicationTitle: 'Guest house',
      amount: '150000000',
      respondBy: '2027-01-10T12:00:00.000Z',
    } as AwardDto;
    const html = render(
      h(DashboardPage, {
        items: [{ application: application(), competition }],
        awards: [offer],
        now: new Date('2027-01-01T00:00:00Z'),
      }),
    );
    const offerAt = html.indexOf('Answer the grant offer for &quot;Guest house&quot;');
    const draftAt = html.indexOf('Finish and submit &quot;Bakery&quot;');
    expect(offerAt).toBeGreaterThan(0);
    expect(draftAt).toBeGreaterThan(offerAt);
    expect(html).toContain('href="/awards/w1"');
    expect(html).toContain('Tushchykuduk 2027');
    expect(html).toContain('Offer waiting for your answer');
  });

  it('leaves out a draft whose competition has closed from what is due', () => {
    const html = render(
      h(DashboardPage, {
        items: [{ application: application(), competition }],
        awards: [],
        now: new Date('2027-03-01'),
      }),
    );
    expect(html).not.toContain('Finish and submit');
    expect(html).toContain('Nothing is due now.');
  });

  it('renders the outcome slot under the status, and offers withdrawal only before a decision', () => {
    const history = [
      { toStatus: 'draft', at: new Date('2027-01-01'), reason: null },
      { toStatus: 'submitted', at: new Date('2027-01-02'), reason: null },
    ] as ApplicationStatusChange[];
    const submitted = application({ status: 'submitted', reference: 'SU-T-2027-0007', submittedAt: new Date() });
    const html = render(
      h(ReceiptPage, {
        application: submitted,
        competition,
        history,
        goals: [],
        files: [],
        outcome: h('p', { id: 'outcome' }, 'Round result') as VNode,
      }),
    );
    expect(html).toContain('SU-T-2027-0007');
    expect(html.indexOf('id="outcome"')).toBeLessThan(html.indexOf('History'));
    expect(html).toContain('href="/applications/a1/withdraw"');
    const decided = render(
      h(ReceiptPage, {
        application: { ...submitted, status: 'not_awarded' } as Application,
        competition,
        history,
        goals: [],
        files: [],
      }),
    );
    expect(decided).not.toContain('/withdraw');
  });

  it('tells how far each step of a draft is', () => {
    expect(taskStates(application({ title: '' }), 0)).toEqual({
      project: 'notStarted',
      goals: 'notStarted',
      budget: 'notStarted',
      files: 'optional',
    });
    const done = application({
      summary: 'Bread',
      goals: [{ goalId: 'g', contribution: 'Jobs' }],
      budgetLines: [{ amount: 1n, source: 'grant' }],
    } as unknown as Partial<Application>);
    expect(taskStates(done, 1)).toEqual({
      project: 'completed',
      goals: 'completed',
      budget: 'completed',
      files: 'completed',
    });
    expect(taskStates(application(), 0).project).toBe('inProgress');
  });
});
