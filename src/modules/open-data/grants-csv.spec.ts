import { GrantRow } from './domain/public-grant';
import { grantCsvLine, GRANTS_CSV_HEADER } from './grants-csv';

const grant: GrantRow = {
  id: '7b0c8a52-3f0e-4d7e-9a59-0c6a3c1f0001',
  competition: { id: 'c0000000-0000-4000-8000-000000000001', title: { kk: 'Start Up 2026 (kk)', en: 'Start Up 2026' } },
  currency: 'KZT',
  status: 'active',
  applicantId: 'a0000000-0000-4000-8000-000000000001',
  sector: 'tourism',
  plannedStart: '2026-03-01',
  durationMonths: 12,
  requested: 150000000n,
  awarded: 123456750n,
  paid: 60000000n,
  approvedAt: new Date('2026-02-10T20:30:00Z'),
  updatedAt: new Date('2026-02-12T08:00:00Z'),
  region: { id: 'r1', name: { kk: 'Маңғыстау облысы', en: 'Mangistau' } },
  district: { id: 'd1', name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район', en: 'Tupkaragan' } },
  village: { id: 'v1', name: { ru: '=HYPERLINK("http://x")' }, katoCode: '475633100' },
  goals: [{ id: 'g1', code: 'G1', title: { kk: 'Сумен жабдықтау', en: 'Water supply, clean' } }],
  payments: [],
  progress: { tranches: 3, tranchesPaid: 1, reportsApproved: 0, jobsCreated: null },
};

describe('grants CSV', () => {
  it('writes one line per grant in the header order, amounts in tenge, names in the reader’s language', () => {
    const fields = (line: string) => line.trimEnd().split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const ru = fields(grantCsvLine(grant, 'secret', 'ru'));
    expect(ru).toHaveLength(GRANTS_CSV_HEADER.length);
    const at = (name: string) => ru[GRANTS_CSV_HEADER.indexOf(name)];
    expect(at('district')).toBe('Тупкараганский район');
    expect(at('region')).toBe('Маңғыстау облысы');
    expect(at('competition')).toBe('Start Up 2026 (kk)');
    expect(at('plan_goals')).toBe('G1 Сумен жабдықтау');
    expect(at('amount_awarded')).toBe('1234567.50');
    expect(at('amount_disbursed')).toBe('600000.00');
    expect([at('tranches'), at('tranches_paid'), at('reports_approved'), at('jobs_created')]).toEqual([
      '3',
      '1',
      '0',
      '',
    ]);
    expect(at('recipient')).toMatch(/^P-[0-9a-f]{16}$/);
    expect(at('awarded_at')).toBe('2026-02-10T20:30:00.000Z');
    const en = fields(grantCsvLine(grant, 'secret', 'en'));
    expect(en[GRANTS_CSV_HEADER.indexOf('district')]).toBe('Tupkaragan');
    expect(en[GRANTS_CSV_HEADER.indexOf('plan_goals')]).toBe('"G1 Water supply, clean"');
  });

  it('defuses a name a spreadsheet would run as a formula, and never names the grantee', () => {
    const line = grantCsvLine(grant, 'secret', 'ru');
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).not.toContain(grant.applicantId);
  });
});
