import fc from 'fast-check';
import { GrantRow, granteePseudonym, majorUnits, publicDescription, publicTitle } from './public-grant';
import { addMonths, toThreeSixtyGiving } from './three-sixty-giving';

const grant = (overrides: Partial<GrantRow> = {}): GrantRow => ({
  id: '7b0c8a52-3f0e-4d7e-9a59-0c6a3c1f0001',
  competition: { id: 'c0000000-0000-4000-8000-000000000001', title: { kk: 'Start Up 2026 (kk)', en: 'Start Up 2026' } },
  currency: 'KZT',
  status: 'active',
  applicantId: 'a0000000-0000-4000-8000-000000000001',
  sector: 'tourism',
  plannedStart: '2026-03-01',
  durationMonths: 12,
  requested: 150000000n,
  awarded: 120000055n,
  paid: 60000000n,
  approvedAt: new Date('2026-02-10T20:30:00Z'),
  updatedAt: new Date('2026-02-12T08:00:00Z'),
  region: { id: 'r1', name: { kk: 'Маңғыстау облысы', en: 'Mangistau' } },
  district: { id: 'd1', name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район', en: 'Tupkaragan' } },
  village: { id: 'v1', name: { en: 'Akshukur', kk: 'Ақшұқыр' }, katoCode: '475633100' },
  goals: [{ id: 'g1', code: 'G1', title: { kk: 'Сумен жабдықтау', en: 'Water supply' } }],
  payments: [{ id: 'p1', amount: 60000000n, paidOn: '2026-02-20' }],
  ...overrides,
});

const publisher = {
  grantIdPrefix: '360G-startup',
  funderId: 'XI-X',
  funderName: 'Funder',
  pseudonymSecret: 's'.repeat(32),
  publicUrl: 'https://startup.example',
  timeZone: 'Asia/Almaty',
};

describe('open data of a grant', () => {
  it('turns minor units into exact major units for every amount up to 15 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (minor) => {
        const text = String(majorUnits(minor));
        const [whole, fraction = ''] = text.split('.');
        expect(BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))).toBe(minor);
      }),
    );
    expect(() => majorUnits(2n ** 60n)).toThrow(RangeError);
  });

  it('names a grantee by a stable pseudonym that differs between people and secrets', () => {
    const p = granteePseudonym(publisher.pseudonymSecret, 'a1');
    expect(p).toMatch(/^P-[0-9a-f]{16}$/);
    expect(granteePseudonym(publisher.pseudonymSecret, 'a1')).toBe(p);
    expect(granteePseudonym(publisher.pseudonymSecret, 'a2')).not.toBe(p);
    expect(granteePseudonym('t'.repeat(32), 'a1')).not.toBe(p);
  });

  it('writes title and description from structured fields only', () => {
    expect(publicTitle(grant())).toBe('Tourism start-up grant in Akshukur');
    expect(publicDescription(grant())).toBe(
      'A small grant to a local entrepreneur (tourism) in Akshukur, Tupkaragan, supporting the village development plan: G1 Water supply.',
    );
  });

  it('maps to a 360Giving grant: amounts in tenge, award day in the programme’s zone, planned period, KATO location', () => {
    const out = toThreeSixtyGiving(grant(), publisher);
    expect(out).toMatchObject({
      id: '360G-startup-7b0c8a52-3f0e-4d7e-9a59-0c6a3c1f0001',
      amountAppliedFor: 1500000,
      amountAwarded: 1200000.55,
      amountDisbursed: 600000,
      // 20:30 UTC on the 10th is the 11th in Almaty.
      awardDate: '2026-02-11',
      plannedDates: [{ startDate: '2026-03-01', endDate: '2027-02-28', duration: 12 }],
      beneficiaryLocation: [
        { id: 'v1', name: 'Akshukur', countryCode: 'KZ', geoCode: '475633100', geoCodeType: 'KATO' },
      ],
      disbursementTransaction: [
        { id: '360G-startup-payment-p1', transactionDate: '2026-02-20', currency: 'KZT', value: 600000 },
      ],
    });
    // The programme's link is the competition's web page, not its JSON.
    expect(out.grantProgramme[0].url).toBe(`https://startup.example/competitions/${grant().competition.id}`);
    expect(JSON.stringify(out)).not.toContain('a0000000-0000-4000-8000-000000000001');
    const noPlan = toThreeSixtyGiving(
      grant({
        plannedStart: null,
        durationMonths: null,
        village: { id: 'v1', name: { en: 'Akshukur' }, katoCode: null },
      }),
      publisher,
    );
    expect(noPlan.plannedDates).toEqual([{ startDate: '2026-02-11' }]);
    expect(noPlan.beneficiaryLocation[0]).not.toHaveProperty('geoCode');
  });

  it('adds months with the day clamped to the month, and leaves out an end the standard cannot write', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2026-03-01', 12)).toBe('2027-03-01');
    expect(addMonths('2026-11-30', 14)).toBe('2028-01-30');
    expect(
      toThreeSixtyGiving(grant({ plannedStart: '2026-01-31', durationMonths: 1 }), publisher).plannedDates,
    ).toEqual([{ startDate: '2026-01-31', endDate: '2026-02-27', duration: 1 }]);
    expect(
      toThreeSixtyGiving(grant({ plannedStart: '9999-06-01', durationMonths: 120 }), publisher).plannedDates,
    ).toEqual([{ startDate: '9999-06-01', duration: 120 }]);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 240 }),
        (start, months) => {
          const startDate = start.toISOString().slice(0, 10);
          const [{ endDate }] = toThreeSixtyGiving(
            grant({ plannedStart: startDate, durationMonths: months }),
            publisher,
          ).plannedDates as { endDate: string }[];
          expect(endDate).toMatch(/^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/);
          expect(endDate >= startDate).toBe(true);
        },
      ),
    );
  });

  it('classifies by each goal’s own id, since every plan numbers its goals G1, G2...', () => {
    const out = toThreeSixtyGiving(grant(), publisher);
    expect(out.classifications).toEqual([
      { vocabulary: 'village-development-plan-goal', code: 'g1', title: 'G1 Water supply' },
      { vocabulary: 'startup-business-sector', code: 'tourism', title: 'Tourism' },
    ]);
  });
});
