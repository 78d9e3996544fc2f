import { checkPlace, EMPTY_PLACE } from './place-forms';

describe('place forms', () => {
  it('takes the given languages only and leaves an empty KATO code out of a new place', () => {
    const { value, errors } = checkPlace({ ...EMPTY_PLACE, ru: 'Шетпе' }, 'village-', 'create');
    expect(errors).toEqual([]);
    expect(value).toEqual({ name: { ru: 'Шетпе' }, katoCode: undefined });
  });

  it('clears the KATO code on a rename when it is emptied', () => {
    expect(checkPlace({ ...EMPTY_PLACE, kk: 'Шетпе' }, '', 'rename').value.katoCode).toBeNull();
  });

  it('names every problem at its field, with the form prefix', () => {
    const { errors } = checkPlace({ ...EMPTY_PLACE, regionId: 'x', katoCode: '12' }, 'district-', 'createDistrict');
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['district-regionId', 'adminPlaces.error.region'],
      ['district-kk', 'adminPlaces.error.name'],
      ['district-katoCode', 'adminPlaces.error.kato'],
    ]);
    const long = checkPlace({ ...EMPTY_PLACE, en: 'x'.repeat(201) }, '', 'create').errors;
    expect(long).toEqual([{ field: 'en', message: 'adminPlaces.error.nameLong', params: { max: 200 } }]);
  });
});
