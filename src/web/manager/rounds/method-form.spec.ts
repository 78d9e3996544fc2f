import 'reflect-metadata';
import { START_UP_TEMPLATE } from '../../../modules/reviews/domain/rubric-templates';
import { readForm } from '../../render/form-input';
import { formOfInput, formOfMethod, methodFields, methodOfForm, postedFields, shapeOf } from './method-form';

const deadline = new Date('2030-03-10T18:59:00Z');
const startUp = () => formOfMethod('Round 1', deadline, structuredClone(START_UP_TEMPLATE.method));
/** What the controller reads from a post of these fields. */
const posted = (fields: Record<string, string>) => {
  const shape = shapeOf(fields);
  return formOfInput(readForm(fields, methodFields(shape), 4000), shape);
};

describe('the method form', () => {
  it('gives back the stored method when posted unchanged, deadline at the end of the day in Almaty', () => {
    const { value, errors } = methodOfForm(posted(postedFields(startUp())));
    expect(errors).toEqual([]);
    expect(value?.method).toEqual(START_UP_TEMPLATE.method);
    expect(value?.deadline.toISOString()).toBe('2030-03-10T18:59:00.000Z');
  });

  it('names every broken rule by its field, in the order of the form, and returns no method', () => {
    const form = startUp();
    form.rows[1].weight = '0';
    form.rows[2].code = 'plan_alignment';
    form.rows[3].levels[2] = { kk: '', ru: '', en: '' };
    form.quorum = '9';
    form.advanceTop = 'many';
    form.deadline = '2030-02-31';
    const { value, errors } = methodOfForm(posted(postedFields(form)));
    expect(value).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(['deadline', 'weight-1', 'level-3-2-kk', 'advanceTop']);
    // The consistency rules come once the DTO's are met.
    form.rows[1].weight = '2';
    form.rows[3].levels[2] = { kk: 'a', ru: '', en: '' };
    form.advanceTop = '10';
    form.deadline = '2030-02-28';
    expect(methodOfForm(posted(postedFields(form))).errors.map((e) => [e.field, e.params])).toEqual([
      ['code-2', { number: 3 }],
      ['quorum', undefined],
    ]);
  });

  it('shows as many level fields as the scale now has, keeping what was typed', () => {
    const form = startUp();
    form.rows[0].max = '2';
    const again = posted(postedFields(form));
    expect(again.rows[0].levels).toHaveLength(3);
    expect(again.rows[0].levels[1]).toEqual(START_UP_TEMPLATE.method.criteria[0].descriptors[1]);
    again.rows[0].max = '6';
    expect(posted(postedFields(again)).rows[0].levels).toHaveLength(7);
  });

  it('edits a criterion’s description in any of the three languages; an empty one is left out', () => {
    const stored = structuredClone(START_UP_TEMPLATE.method);
    stored.criteria[1].description = { ru: 'Описание' };
    const form = formOfMethod('Round', new Date('2026-12-20T12:00:00Z'), stored);
    expect(form.rows[1].description).toEqual({ kk: '', ru: 'Описание', en: '' });
    form.rows[1].description.kk = 'Сипаттама';
    const { value } = methodOfForm(posted(postedFields(form)));
    expect(value?.method.criteria[1].description).toEqual({ kk: 'Сипаттама', ru: 'Описание' });
    expect(value?.method.criteria[0].description).toBeUndefined();
  });

  it('takes a description up to the API’s 4,000 characters; a longer one is no form a browser sends', () => {
    const form = startUp();
    form.rows[2].description.en = 'x'.repeat(4000);
    expect(methodOfForm(posted(postedFields(form))).errors).toEqual([]);
    form.rows[2].description.en = 'x'.repeat(4001);
    expect(() => posted(postedFields(form))).toThrow();
  });

  it('leaves empty rows out and refuses a field the form never had', () => {
    const form = startUp();
    form.rows.push({
      code: '',
      title: { kk: '', ru: '', en: '' },
      description: { kk: '', ru: '', en: '' },
      weight: '',
      max: '4',
      min: '',
      levels: [],
    });
    expect(methodOfForm(posted(postedFields(form))).value?.method.criteria).toHaveLength(5);
    expect(() => posted({ ...postedFields(startUp()), 'code-9': 'x' })).toThrow();
  });
});
