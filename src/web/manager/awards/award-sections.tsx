import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { LANGUAGES, Language } from '../../../modules/users/domain/language';
import { MAX_TRANCHE_LABEL as MAX_LABEL } from '../../../modules/awards/domain/tranches';
import { CsrfField, FieldError, TextField } from '../../ui/form';
import { TableScroll } from '../../ui/table-scroll';
import { REPORT_STATUS, TRANCHE_STATUS } from '../../grantee/grantee-labels';
import { historyKey, StatusTag } from './manager-awards-labels';
import { ManagerAward, ManagerTranche } from './manager-awards-view';

export const trancheField = (position: number) => `tranche-${position}`;

/** The offer once approved, and the applicant's answer. */
export function OfferSection(props: { award: ManagerAward }) {
  const { t } = usePage();
  const { award } = props;
  const line = (() => {
    switch (award.status) {
      case 'proposed':
        return t.t('managerAwards.award.offer.notYet');
      case 'approved':
        return t.t('managerAwards.award.offer.waiting', { date: award.respondBy ? t.dateTime(award.respondBy) : '' });
      case 'accepted':
      case 'active':
      case 'completed':
        return t.t('managerAwards.award.offer.accepted', {
          date: award.respondedAt ? t.dateTime(award.respondedAt) : '',
        });
      case 'declined':
        return award.respondedAt
          ? t.t('managerAwards.award.offer.declined', { date: t.dateTime(award.respondedAt) })
          : t.t('managerAwards.award.offer.lapsed');
      case 'cancelled':
        return t.t('managerAwards.award.offer.cancelled');
    }
  })();
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title">{t.t('managerAwards.award.offer.title')}</h2>
      <p>{line}</p>
    </section>
  );
}

/** A tranche as the schedule form holds it: its labels and amount as typed. */
export interface TrancheValues {
  amount: string;
  label: Record<Language, string>;
}

export const labelField = (position: number, language: Language) => `label-${position}-${language}`;

function TrancheFieldset(props: { tranche: ManagerTranche; values: TrancheValues; errors: FieldError[] }) {
  const { t } = usePage();
  const { tranche, values } = props;
  const amount = trancheField(tranche.position);
  return (
    <fieldset class="ma-tranche">
      <legend>{t.t('managerAwards.tranches.legend', { position: tranche.position })}</legend>
      <p class="hint">
        {t.t('managerAwards.tranches.col.condition')}:{' '}
        {t.t(tranche.reportRequired ? 'managerAwards.tranches.afterReport' : 'managerAwards.tranches.onSigning')}
      </p>
      {LANGUAGES.map((language) => (
        <TextField
          name={labelField(tranche.position, language)}
          label={t.t(`managerAwards.tranches.label.${language}`)}
          hint={language === 'kk' ? t.t('managerAwards.tranches.labelHint', { max: MAX_LABEL }) : undefined}
          value={values.label[language]}
          maxLength={MAX_LABEL}
          errors={props.errors}
        />
      ))}
      <TextField
        name={amount}
        label={t.t('managerAwards.tranches.amount')}
        value={values.amount}
        inputMode="decimal"
        autocomplete="off"
        errors={props.errors}
      />
    </fieldset>
  );
}

function TranchesTable(props: { award: ManagerAward }) {
  const { t, language } = usePage();
  return (
    <TableScroll label={t.t('managerAwards.tranches.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.t('managerAwards.tranches.col.tranche')}</th>
            <th scope="col">{t.t('managerAwards.tranches.col.condition')}</th>
            <th scope="col" class="num">
              {t.t('managerAwards.tranches.col.amount')}
            </th>
            <th scope="col">{t.t('managerAwards.tranches.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.award.tranches.map((tranche) => (
            <tr>
              <th scope="row">
                {tranche.position}. {contentText(tranche.label, language)}
              </th>
              <td>
                {t.t(
                  tranche.reportRequired ? 'managerAwards.tranches.afterReport' : 'managerAwards.tranches.onSigning',
                )}
              </td>
              <td class="num">{t.money(tranche.amount)}</td>
              <td>
                <StatusTag label={TRANCHE_STATUS[tranche.status]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The schedule: a table, and while the grantee has not accepted it a form for its labels and amounts. */
export function TranchesSection(props: { award: ManagerAward; schedule: TrancheValues[]; errors: FieldError[] }) {
  const { t } = usePage();
  const { award } = props;
  return (
    <section aria-labelledby="tranches-title">
      <h2 id="tranches-title">{t.t('managerAwards.tranches.title')}</h2>
      <TranchesTable award={award} />
      {award.scheduleEditable ? (
        <form method="post" action={`/manage/awards/${award.id}/tranches`} id="tranches" tabIndex={-1}>
          <CsrfField />
          <p class="hint">{t.t('managerAwards.tranches.editHint', { amount: t.money(award.amount) })}</p>
          {award.tranches.map((tranche, i) => (
            <TrancheFieldset tranche={tranche} values={props.schedule[i]} errors={props.errors} />
          ))}
          <button class="button" type="submit">
            {t.t('managerAwards.tranches.save')}
          </button>
        </form>
      ) : (
        award.status !== 'cancelled' &&
        award.status !== 'declined' && <p class="muted">{t.t('managerAwards.tranches.frozen')}</p>
      )}
    </section>
  );
}

export function PaymentsAndReports(props: { award: ManagerAward }) {
  const { t, language } = usePage();
  const { award } = props;
  const labelOf = (id: string) => contentText(award.tranches.find((x) => x.id === id)?.label, language);
  return (
    <>
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">{t.t('managerAwards.payments.title')}</h2>
        {award.payments.length === 0 ? (
          <p>{t.t('managerAwards.payments.none')}</p>
        ) : (
          <TableScroll label={t.t('managerAwards.payments.title')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.t('managerAwards.payments.date')}</th>
                  <th scope="col">{t.t('managerAwards.payments.tranche')}</th>
                  <th scope="col" class="num">
                    {t.t('managerAwards.payments.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {award.payments.map((p) => (
                  <tr>
                    <td>
                      {t.date(new Date(`${p.paidOn}T12:00:00Z`))}
                      {p.failed && <span class="tag bad"> {t.t('managerAwards.payments.failed')}</span>}
                    </td>
                    <td>{labelOf(p.trancheId)}</td>
                    <td class="num">{t.money(p.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t.t('managerAwards.reports.ofAward')}</h2>
        {award.reports.length === 0 ? (
          <p>{t.t('managerAwards.reports.ofAwardNone')}</p>
        ) : (
          <ul class="card-list">
            {award.reports.map((r) => (
              <li class="card">
                <p>
                  <strong>{labelOf(r.trancheId)}</strong> <StatusTag label={REPORT_STATUS[r.status]} />
                </p>
                <p class="muted">{t.t('managerAwards.report.sent', { date: t.dateTime(r.submittedAt) })}</p>
                <a href={`/manage/reports/${r.id}`}>{t.t('managerAwards.reports.open')}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function HistorySection(props: { award: ManagerAward }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t.t('managerAwards.award.history.title')}</h2>
      <ol class="ma-history">
        {props.award.history.map((step) => (
          <li>
            <time dateTime={step.at.toISOString()}>{t.dateTime(step.at)}</time> {t.t(historyKey(step.action))}
            {step.note && <>: {step.note}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
