import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { TableScroll } from '../../ui/table-scroll';
import { allocationSums, AllocationValues, amountField } from './allocation-form';
import { AwardProblem } from './award-problems';
import { AWARD_STATUS, Breadcrumbs, REASON, StatusTag, useWorded } from './manager-awards-labels';
import { AllocationRow, AllocationView } from './manager-awards-view';

export interface AllocationPageProps {
  view: AllocationView;
  values: AllocationValues;
  problems: AwardProblem[];
  /** How many proposals the last send made (after the redirect). */
  proposed?: number;
}

/** The budget, what is held, this proposal and what remains, with every envelope: kept in view while typing. */
function Summary(props: AllocationPageProps) {
  const { t, language } = usePage();
  const { view } = props;
  const sums = allocationSums(view, props.values);
  return (
    <aside class="ma-summary" aria-labelledby="ma-summary-title" data-ma-summary>
      <h2 id="ma-summary-title">{t.t('managerAwards.allocation.summary.title')}</h2>
      <dl class="ma-sums" aria-live="polite">
        <div>
          <dt>{t.t('managerAwards.allocation.summary.budget')}</dt>
          <dd>{t.money(view.budget)}</dd>
        </div>
        <div>
          <dt>{t.t('managerAwards.allocation.summary.held')}</dt>
          <dd>{t.money(view.held)}</dd>
        </div>
        <div>
          <dt>{t.t('managerAwards.allocation.summary.proposal')}</dt>
          <dd data-ma-sum="proposal">{t.money(sums.proposal)}</dd>
        </div>
        <div class={sums.remaining < 0n ? 'ma-over' : undefined} data-ma-remaining-box>
          <dt>{t.t('managerAwards.allocation.summary.remaining')}</dt>
          <dd data-ma-sum="remaining" data-ma-left={(view.budget - view.held).toString()}>
            {t.money(sums.remaining)}
          </dd>
        </div>
      </dl>
      {view.envelopes.length > 0 && (
        <>
          <h3>{t.t('managerAwards.allocation.envelopes.title')}</h3>
          <ul class="ma-envelopes">
            {view.envelopes.map((e, i) => (
              <li
                class={sums.envelopesLeft[i] < 0n ? 'ma-over' : undefined}
                data-ma-envelope={e.kind}
                data-ma-place={e.id}
                data-ma-left={(e.limit - e.held).toString()}
              >
                {t.t(`managerAwards.allocation.envelope.${e.kind}`, { name: contentText(e.name, language) })}:{' '}
                <EnvelopeLeft left={t.money(sums.envelopesLeft[i])} limit={t.money(e.limit)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

/** "X left of Y" in the reader's word order, with X in its own element for the script to update. */
function EnvelopeLeft(props: { left: string; limit: string }) {
  const { t } = usePage();
  const marker = '\u0000';
  const [before, after] = t
    .t('managerAwards.allocation.envelope.left', { left: marker, limit: props.limit })
    .split(marker);
  return (
    <span>
      {before}
      <span data-ma-envelope-left>{props.left}</span>
      {after}
    </span>
  );
}

function AmountCell(props: { row: AllocationRow; value: string; canPropose: boolean; invalid: boolean }) {
  const { t } = usePage();
  const { row } = props;
  if (row.award)
    return (
      <a href={`/manage/awards/${row.award.id}`}>
        {t.t('managerAwards.allocation.award', {
          status: t.t(AWARD_STATUS[row.award.status].key),
          amount: t.money(row.award.amount),
        })}
      </a>
    );
  if (!row.candidate || !props.canPropose) return <>{row.suggested > 0n ? t.money(row.suggested) : '—'}</>;
  const id = amountField(row.applicationId);
  return (
    <>
      <label class="visually-hidden" for={id}>
        {t.t('managerAwards.allocation.amountLabel', { reference: row.reference })}
      </label>
      <input
        class="ma-amount"
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={props.value}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        data-ma-amount
        data-ma-district={row.districtId}
        data-ma-village={row.villageId}
      />
      <span class="hint" id={`${id}-hint`}>
        {t.t('managerAwards.allocation.amountHint', { max: t.money(row.cap) })}
      </span>
    </>
  );
}

/** The allocation: the ranked list with reasons and amounts to propose, the money always in view, and the awards so far. */
export function AllocationPage(props: AllocationPageProps) {
  const { t, language } = usePage();
  const { view, values } = props;
  const title = t.t('managerAwards.allocation.title', { competition: contentText(view.competitionTitle, language) });
  const placeName = (id: string) => view.envelopes.find((e) => e.id === id)?.name;
  const errors = useWorded(props.problems, placeName);
  const invalid = new Set(errors.map((e) => e.field));
  return (
    <Layout title={title}>
      <Breadcrumbs>
        {' › '}
        <a href="/manage/approvals">{t.t('managerAwards.nav.approvals')}</a>
      </Breadcrumbs>
      {props.proposed !== undefined && (
        <p class="notice success" role="status">
          {t.t('managerAwards.allocation.done', { count: props.proposed })}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t.t('managerAwards.allocation.lead')}</p>
      <p>
        {view.partialMinShareBp === null
          ? t.t('managerAwards.allocation.noPartial')
          : t.t('managerAwards.allocation.partial', { share: view.partialMinShareBp / 100 })}
      </p>
      {!view.canPropose && <p class="notice">{t.t('managerAwards.allocation.closedOnly')}</p>}
      <form
        method="post"
        action={`/manage/competitions/${view.competitionId}/awards`}
        class="ma-allocation"
        data-ma-allocation
        id="amounts"
        tabIndex={-1}
      >
        <CsrfField />
        <input type="hidden" name="formKey" value={values.formKey} />
        <Summary {...props} />
        <div class="ma-list">
          <TableScroll label={t.t('managerAwards.allocation.table')}>
            <table>
              <caption class="visually-hidden">{t.t('managerAwards.allocation.table')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t.t('managerAwards.allocation.col.rank')}
                  </th>
                  <th scope="col">{t.t('managerAwards.allocation.col.application')}</th>
                  <th scope="col">{t.t('managerAwards.allocation.col.place')}</th>
                  <th scope="col" class="num">
                    {t.t('managerAwards.allocation.col.score')}
                  </th>
                  <th scope="col" class="num">
                    {t.t('managerAwards.allocation.col.requested')}
                  </th>
                  <th scope="col">{t.t('managerAwards.allocation.col.reason')}</th>
                  <th scope="col">{t.t('managerAwards.allocation.col.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row) => (
                  <tr>
                    <td class="num">{row.rank ?? '—'}</td>
                    <th scope="row">{row.reference}</th>
                    <td>{contentText(row.villageName, language)}</td>
                    <td class="num">
                      {row.score === null ? t.t('managerAwards.allocation.noScore') : t.number(row.score)}
                    </td>
                    <td class="num">{t.money(row.requested)}</td>
                    <td>
                      <StatusTag label={REASON[row.reason]} />
                    </td>
                    <td>
                      <AmountCell
                        row={row}
                        value={values.amounts[row.applicationId] ?? ''}
                        canPropose={view.canPropose}
                        invalid={invalid.has(amountField(row.applicationId))}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {view.canPropose && (
            <div class="ma-buttons">
              <button class="button secondary" type="submit" name="action" value="recalculate" data-ma-recalculate>
                {t.t('managerAwards.allocation.recalculate')}
              </button>
              <button class="button" type="submit" name="action" value="propose">
                {t.t('managerAwards.allocation.propose')}
              </button>
            </div>
          )}
        </div>
      </form>
      <AwardsTable view={view} />
    </Layout>
  );
}

function AwardsTable(props: { view: AllocationView }) {
  const { t } = usePage();
  const { awards } = props.view;
  return (
    <section aria-labelledby="ma-awards-title">
      <h2 id="ma-awards-title">{t.t('managerAwards.allocation.awards.title')}</h2>
      {awards.length === 0 ? (
        <p>{t.t('managerAwards.allocation.awards.none')}</p>
      ) : (
        <TableScroll label={t.t('managerAwards.allocation.awards.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t.t('managerAwards.allocation.col.rank')}
                </th>
                <th scope="col">{t.t('managerAwards.allocation.col.application')}</th>
                <th scope="col" class="num">
                  {t.t('managerAwards.award.amount')}
                </th>
                <th scope="col">{t.t('managerAwards.allocation.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((award) => (
                <tr>
                  <td class="num">{award.rank ?? '—'}</td>
                  <td>
                    <a href={`/manage/awards/${award.id}`}>{award.reference}</a> {award.applicationTitle}
                  </td>
                  <td class="num">{t.money(award.amount)}</td>
                  <td>
                    <StatusTag label={AWARD_STATUS[award.status]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
