import { LocalizedText } from '../../../common/i18n/localized-text';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { CsrfField, FieldError, TextField } from '../../ui/form';
import { RoundsFrame } from './rounds-ui';

export const NEW_ROUND_FIELDS = ['name', 'deadline', 'source'] as const;
export type NewRoundForm = Record<(typeof NEW_ROUND_FIELDS)[number], string>;

/** A new round in draft: a name, the last day of scoring, and the method to start from. */
export function NewRoundPage(props: {
  competition: Competition;
  templates: { code: string; title: LocalizedText }[];
  earlier: { id: string; name: string; position: number }[];
  /** The latest rounds of other competitions (a programme keeps its rubric from year to year). */
  elsewhere: { id: string; name: string; position: number; competitionTitle: LocalizedText }[];
  form: NewRoundForm;
  errors: FieldError[];
}) {
  const { t, language } = usePage();
  const c = props.competition;
  const { form, errors } = props;
  const sourceError = errors.find((e) => e.field === 'source');
  const title = t.t('managerRounds.new.title');
  return (
    <RoundsFrame
      title={title}
      back={{ href: `/manage/competitions/${c.id}/rounds`, label: t.t('managerRounds.back.rounds') }}
      errors={errors}
    >
      <p class="lead">{contentText(c.title, language)}</p>
      <form method="post" action={`/manage/competitions/${c.id}/rounds/new`} novalidate>
        <CsrfField />
        <TextField
          name="name"
          label={t.t('managerRounds.field.name')}
          value={form.name}
          maxLength={200}
          errors={errors}
        />
        <TextField
          name="deadline"
          type="date"
          label={t.t('managerRounds.field.deadline')}
          hint={t.t('managerRounds.field.deadlineHint')}
          value={form.deadline}
          errors={errors}
        />
        <fieldset class={sourceError ? 'form-group has-error' : 'form-group'} id="source">
          <legend>{t.t('managerRounds.new.source')}</legend>
          {sourceError && <span class="field-error">{t.t(sourceError.message)}</span>}
          {props.templates.map((template, i) => (
            <div class="choice">
              <input
                type="radio"
                name="source"
                id={`source-template-${i}`}
                value={`template:${template.code}`}
                checked={form.source === `template:${template.code}` || (!form.source && i === 0)}
              />
              <label for={`source-template-${i}`}>
                {t.t('managerRounds.new.template', { name: contentText(template.title, language) ?? template.code })}
              </label>
            </div>
          ))}
          {props.earlier.map((round) => (
            <div class="choice">
              <input
                type="radio"
                name="source"
                id={`source-round-${round.id}`}
                value={`round:${round.id}`}
                checked={form.source === `round:${round.id}`}
              />
              <label for={`source-round-${round.id}`}>
                {t.t('managerRounds.new.copy', { name: `${round.position}. ${round.name}` })}
              </label>
            </div>
          ))}
          {props.elsewhere.map((round) => (
            <div class="choice">
              <input
                type="radio"
                name="source"
                id={`source-round-${round.id}`}
                value={`round:${round.id}`}
                checked={form.source === `round:${round.id}`}
              />
              <label for={`source-round-${round.id}`}>
                {t.t('managerRounds.new.copyOther', {
                  competition: contentText(round.competitionTitle, language),
                  name: `${round.position}. ${round.name}`,
                })}
              </label>
            </div>
          ))}
        </fieldset>
        <button class="button" type="submit">
          {t.t('managerRounds.new.submit')}
        </button>
      </form>
    </RoundsFrame>
  );
}
