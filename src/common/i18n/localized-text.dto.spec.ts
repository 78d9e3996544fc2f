import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../validation/validation.pipe';
import { LocalizedText } from './localized-text';
import { LocalizedTextField } from './localized-text.dto';

class Sample {
  @LocalizedTextField({ maxLength: 10 })
  title!: LocalizedText;

  @LocalizedTextField({ maxLength: 10, required: false })
  description?: LocalizedText;
}

async function problems(body: object) {
  const errors = await validate(plainToInstance(Sample, body), { whitelist: true, forbidNonWhitelisted: true });
  return flattenValidationErrors(errors).map((p) => p.field);
}

describe('LocalizedTextField', () => {
  it('accepts any one language, trimmed', async () => {
    await expect(problems({ title: { kk: 'Ақшұқыр' } })).resolves.toEqual([]);
    await expect(problems({ title: { ru: 'Акшукур', en: 'Aqshuqyr' } })).resolves.toEqual([]);
    const trimmed = plainToInstance(Sample, { title: { kk: '  Ақшұқыр  ' } });
    expect(trimmed.title).toEqual({ kk: 'Ақшұқыр' });
  });

  it('refuses an empty object, naming the field', async () => {
    await expect(problems({ title: {} })).resolves.toEqual(['title']);
  });

  it('refuses unknown languages', async () => {
    await expect(problems({ title: { xx: 'a' } })).resolves.toEqual(['title', 'title.xx']);
    await expect(problems({ title: { kk: 'a', de: 'b' } })).resolves.toEqual(['title.de']);
  });

  it('refuses non-strings, nulls, blanks and texts over the limit', async () => {
    await expect(problems({ title: 'Ақшұқыр' })).resolves.toEqual(['title']);
    await expect(problems({ title: { kk: 5 } })).resolves.toEqual(['title.kk']);
    await expect(problems({ title: { kk: null } })).resolves.toEqual(['title.kk']);
    await expect(problems({ title: { kk: '   ' } })).resolves.toEqual(['title.kk']);
    await expect(problems({ title: { kk: 'x'.repeat(11) } })).resolves.toEqual(['title.kk']);
    await expect(problems({ title: [{ kk: 'a' }] })).resolves.toEqual(['title']);
  });

  it('requires a required field; an optional one may be left out but not be empty', async () => {
    await expect(problems({})).resolves.toEqual(['title']);
    await expect(problems({ title: { en: 'a' }, description: {} })).resolves.toEqual(['description']);
  });
});
