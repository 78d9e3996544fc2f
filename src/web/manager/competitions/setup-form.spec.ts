import { DomainError } from '../../../common/errors/domain-error';
import { CompetitionErrors } from '../../../modules/competitions/competitions.errors';
import { almatyInstant, bodyOfForm, bpOf, checkSetupForm } from './setup-check';
import {
  formOfInput,
  newSetupForm,
  postedFields,
  SetupForm,
  setupFields,
  shapeOf,
  withRowsChanged,
} from './setup-form';
import { identityRows, refusalErrors, setupError } from './setup-problems';

const DISTRICT = '11111111-1111-4111-8111-111111111111';
const VILLAGE = '22222222-2222-4222-8222-222222222222';
const PLACES = { districts: [{ id: DISTRICT, villages: [{ id: VILLAGE }] }] };

function filled(): SetupForm {
  return {
    ...newSetupForm(),
    code: 'TUP26',
    title: { kk: 'Start Up Маңғыстау', ru: '', en: '' },
    budget: '10 000 000',
    minAward: '500000',
    maxAward: '1 500 000,50',
    minOwnShare: '12,5',
    opensAt: '2030-03-01',
    closesAt: '2030-04-30',
    districts: [DISTRICT],
    envelopes: [{ place: `district:${DISTRICT}`, amount: '3 000 000' }],
  };
}

describe('the competition setup form', () => {
  it('reads back what postedFields sends, for a form with rows of every list', () => {
    const form = { ...filled(), villages: [VILLAGE], floors: [{ district: DISTRICT, grants: '2' }] };
    const body = postedFields(form);
    const shape = shapeOf(body);
    expect(shape).toEqual({ envelopes: 1, tranches: 3, floors: 1 });
    const names = setupFields(shape, PLACES);
    expect(Object.keys(body).every((name) => names.includes(name))).toBe(true);
    expect(formOfInput(body, shape, PLACES)).toEqual(form);
  });

  it('turns tenge into tiyn, percents into basis points and Almaty times into instants', () => {
    const { body } = bodyOfForm(filled());
    expect(body).toMatchObject({
      code: 'TUP26',
      title: { kk: 'Start Up Маңғыстау' },
      description: null,
      budget: '1000000000',
      minAward: '50000000',
      maxAward: '150000050',
      minOwnShareBp: 1250,
      maxApplicationsPerApplicant: 1,
      opensAt: '2030-03-01T09:00:00+05:00',
      eligibleDistrictIds: [DISTRICT],
      envelopes: [{ districtId: DISTRICT, amount: '300000000' }],
    });
    expect(new Date(body.opensAt as string).toISOString()).toBe('2030-03-01T04:00:00.000Z');
    expect(bpOf('50%')).toBe(5000);
    expect(bpOf('half')).toBe('half');
    expect(almatyInstant('2030-02-31', '09:00')).toBe('2030-02-31 09:00');
  });

  it('passes the API DTO check when filled in, and names every broken field in the order of the form', () => {
    expect(checkSetupForm(filled()).errors).toEqual([]);
    const bad: SetupForm = {
      ...filled(),
      code: 'tup',
      title: { kk: '', ru: '', en: '' },
      budget: '1.500.000',
      opensAt: '',
      envelopes: [
        { place: '', amount: '' },
        { place: `village:${VILLAGE}`, amount: 'lots' },
      ],
    };
    bad.tranches = [...bad.tranches];
    bad.tranches[1] = { ...bad.tranches[1], release: '', share: 'x' };
    const { dto, errors } = checkSetupForm(bad);
    expect(dto).toBeNull();
    expect(errors.map((e) => e.field)).toEqual([
      'code',
      'title-kk',
      'budget',
      'opensAt',
      'envelope-1-amount',
      'tranche-1-share',
      'tranche-1-release',
    ]);
    expect(errors.find((e) => e.field === 'envelope-1-amount')?.params).toEqual({ number: 2 });
  });

  it('puts the rule check’s problems on their fields, in words of their own', () => {
    const rows = { envelopes: [1], tranches: [0, 2], floors: [] };
    expect(setupError('awardRules.trancheTemplate', 'the shares add up to 9500 basis points, not 10000', rows)).toEqual(
      {
        field: 'tranche-0-share',
        message: 'managerCompetitions.error.trancheSum',
        params: { sum: '95' },
      },
    );
    expect(setupError('envelopes.0.villageId', 'an envelope village must be eligible', rows)).toMatchObject({
      field: 'envelope-1-place',
      message: 'managerCompetitions.error.envelopeVillage',
      params: { number: 2 },
    });
    expect(setupError('awardRules.trancheTemplate', 'tranche 2: share must be a whole number', rows)).toMatchObject({
      field: 'tranche-2-share',
      params: { number: 3 },
    });
    const refused = new DomainError(CompetitionErrors.NOT_READY_TO_OPEN, {
      fields: [
        { field: 'maxAward', problems: ['maxAward must not exceed the budget'] },
        { field: 'eligibleVillageIds', problems: ['no eligible village has an adopted development plan'] },
        { field: 'closesAt', problems: ['closesAt has already passed'] },
      ],
    });
    expect(refusalErrors(refused, identityRows({ envelopes: 0, tranches: 3, floors: 0 }))).toEqual([
      { field: 'maxAward', message: 'managerCompetitions.error.maxOverBudget', params: {} },
      { field: 'eligible', message: 'managerCompetitions.error.eligibleNoPlan', params: {} },
      { field: 'closesAt', message: 'managerCompetitions.error.closesPassed', params: {} },
    ]);
    expect(
      refusalErrors(
        new DomainError(CompetitionErrors.WRONG_STATUS),
        identityRows({ envelopes: 0, tranches: 0, floors: 0 }),
      ),
    ).toBeNull();
  });

  it('adds and removes rows without touching the rest, keeping at least one tranche', () => {
    const form = filled();
    expect(withRowsChanged(form, 'save')).toBeNull();
    expect(withRowsChanged(form, 'add-envelope')?.envelopes).toHaveLength(2);
    expect(withRowsChanged(form, 'remove-envelope-0')?.envelopes).toEqual([]);
    expect(withRowsChanged(form, 'add-floor')?.floors).toEqual([{ district: '', grants: '' }]);
    expect(withRowsChanged(form, 'remove-tranche-1')?.tranches.map((t) => t.share)).toEqual(['50', '20']);
    const one = { ...form, tranches: form.tranches.slice(0, 1) };
    expect(withRowsChanged(one, 'remove-tranche-0')?.tranches).toHaveLength(1);
  });
});
