import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, FieldError, TextField } from '../../ui/form';
import { TableScroll } from '../../ui/table-scroll';
import { PanelJuror, Refusal } from './rounds-types';
import { RoundsFrame, targetWord } from './rounds-ui';

export const ADD_JUROR_FIELDS = ['email', 'expertise'] as const;
export type AddJurorForm = Record<(typeof ADD_JUROR_FIELDS)[number], string>;

/** The competition's panel: who sits on it, their expertise, whether they confirmed their conflicts, and which. */
export function JurorsPage(props: {
  competition: Competition;
  jurors: PanelJuror[];
  form: AddJurorForm;
  errors: FieldError[];
  refusal?: Refusal | null;
}) {
  const { t, language } = usePage();
  const c = props.competition;
  const caption = t.t('managerRounds.panel.caption');
  return (
    <RoundsFrame
      title={t.t('managerRounds.panel.title')}
      back={{ href: `/manage/competitions/${c.id}/rounds`, label: t.t('managerRounds.back.rounds') }}
      errors={props.errors}
      refusal={props.refusal}
    >
      <p class="lead">{contentText(c.title, language)}</p>
      {props.jurors.length === 0 ? (
        <p>{t.t('managerRounds.panel.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('managerRounds.panel.juror')}</th>
                <th scope="col">{t.t('managerRounds.panel.expertise')}</th>
                <th scope="col">{t.t('managerRounds.panel.conflicts')}</th>
                <th scope="col" class="num">
                  {t.t('managerRounds.panel.assignments')}
                </th>
                <th scope="col">{t.t('managerRounds.panel.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {props.jurors.map((j) => (
                <tr>
                  <th scope="row">
                    {j.fullName}
                    <br />
                    <span class="muted">{j.email}</span>
                  </th>
                  <td>{j.expertise.join(', ') || '—'}</td>
                  <td>
                    {j.confirmedAt ? (
                      <span class="tag ok">
                        {t.t('managerRounds.panel.confirmed', { date: t.date(new Date(j.confirmedAt)) })}
                      </span>
                    ) : (
                      <span class="tag warn">{t.t('managerRounds.panel.unconfirmed')}</span>
                    )}
                    {j.declarations.length > 0 && (
                      <ul class="plain-list">
                        {j.declarations.map((d) => (
                          <li>
                            {targetWord(t, d.target)}: {d.targetName}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td class="num">{j.activeAssignments}</td>
                  <td>
                    {j.activeAssignments === 0 && (
                      <form
                        method="post"
                        action={`/manage/competitions/${c.id}/jurors/${j.userId}/remove`}
                        class="inline-form"
                      >
                        <CsrfField />
                        <button class="button secondary" type="submit">
                          {t.t('managerRounds.panel.removeButton', { name: j.fullName })}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t.t('managerRounds.panel.add')}</h2>
      <form method="post" action={`/manage/competitions/${c.id}/jurors`} novalidate>
        <CsrfField />
        <TextField
          name="email"
          type="email"
          label={t.t('managerRounds.panel.email')}
          hint={t.t('managerRounds.panel.emailHint')}
          value={props.form.email}
          maxLength={320}
          errors={props.errors}
        />
        <TextField
          name="expertise"
          label={t.t('managerRounds.panel.expertiseField')}
          hint={t.t('managerRounds.panel.expertiseHint')}
          value={props.form.expertise}
          maxLength={500}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('managerRounds.panel.addButton')}
        </button>
      </form>
    </RoundsFrame>
  );
}
