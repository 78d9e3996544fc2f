import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateRoundDto, methodOf } from '../dto/round.dto';
import { methodProblems } from './rounds/round-method';
import { RUBRIC_TEMPLATES, START_UP_TEMPLATE, templateMethod } from './rubric-templates';

describe('rubric templates', () => {
  it.each(RUBRIC_TEMPLATES.map((t) => [t.code, t] as const))(
    '%s passes the checks a round’s method gets from the API: the DTO and methodProblems',
    (_code, template) => {
      const body = { name: 'Round 1', deadline: '2030-01-01T00:00:00+05:00', ...template.method };
      const dto = plainToInstance(CreateRoundDto, body);
      expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
      // What the service stores is the same method, defaults and all.
      expect(methodOf(dto)).toEqual(template.method);
      expect(methodProblems(template.method)).toEqual([]);
    },
  );

  it('gives every level of every criterion a descriptor in kk, ru and en, and the title in all three', () => {
    for (const template of RUBRIC_TEMPLATES) {
      for (const text of [template.title, ...template.method.criteria.map((c) => c.title)])
        expect(Object.keys(text).sort()).toEqual(['en', 'kk', 'ru']);
      for (const c of template.method.criteria) {
        expect(c.descriptors).toHaveLength(c.max + 1);
        for (const d of c.descriptors)
          for (const language of ['kk', 'ru', 'en'] as const) expect(d[language]).toBeTruthy();
      }
    }
  });

  it('makes plan alignment the priority criterion and a gate on the Start Up rubric', () => {
    const m = START_UP_TEMPLATE.method;
    expect(m.priorityCriterion).toBe('plan_alignment');
    expect(m.criteria.find((c) => c.code === 'plan_alignment')?.min).toBeGreaterThan(0);
    expect(m.criteria.map((c) => c.code)).toEqual([
      'plan_alignment',
      'feasibility',
      'local_jobs',
      'sustainability',
      'innovation',
    ]);
  });

  it('hands out copies: changing one leaves the template as it was', () => {
    const copy = templateMethod('startup')!;
    copy.criteria[0].weight = 99;
    expect(START_UP_TEMPLATE.method.criteria[0].weight).toBe(3);
    expect(templateMethod('nope')).toBeNull();
  });
});
