import { ReturnOutcome } from '../../../modules/applications/domain/returns';
import { BudgetLineContent, VersionChange } from '../../../modules/applications/domain/version-changes';
import { categoryLabel } from '../../applicant/answers-summary';
import { MessageKey } from '../../i18n/catalogue';
import { ContentText, contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';

/** One submitted version of an application and what changed since the one before (none for version 1). */
export interface VersionView {
  version: number;
  submittedAt: Date | string;
  changes: VersionChange[];
}

/** One return for changes; `outcome` is null while it is open. */
export interface ReturnView {
  version: number;
  returnedAt: Date | string;
  answerBy: Date | string;
  message: string;
  outcome: ReturnOutcome | null;
}

export interface VersionChangesProps {
  /** Oldest first, as GET /api/applications/:id/versions and ApplicationVersionsService give them. */
  versions: VersionView[];
  /** The returns for changes, oldest first; left out, the list of returns is not shown. */
  returns?: ReturnView[];
  /** Plan goals' titles by goal id, to name a goal that changed; an unknown id is shown as it is. */
  goalTitles?: Record<string, ContentText>;
  /** The level of this section's heading on the page around it (versions take the next level). */
  headingLevel?: 2 | 3;
}

/**
 * What changed between the submitted versions of an application, for a manager reading it after a
 * return for changes: each resubmitted version with its changes (texts before and after, money in
 * tenge, budget lines and goals added or removed), newest first. Pure: it renders its props.
 */
export function VersionChanges(props: VersionChangesProps) {
  const { t, language } = usePage();
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = props.headingLevel === 3 ? 'h4' : 'h3';
  const goal = (id: string) => contentText(props.goalTitles?.[id], language) || id;
  const newestFirst = [...props.versions].reverse();
  return (
    <section class="version-changes" aria-labelledby="version-changes-title">
      <H id="version-changes-title">{t.t('managerReturns.versions.title')}</H>
      {props.returns && props.returns.length > 0 && <ReturnList returns={props.returns} />}
      {newestFirst.map((v) => (
        <div class="version">
          <Sub>{t.t('managerReturns.versions.version', { version: v.version, date: t.dateTime(v.submittedAt) })}</Sub>
          {v.version === 1 ? (
            <p class="hint">{t.t('managerReturns.versions.first')}</p>
          ) : v.changes.length === 0 ? (
            <p>{t.t('managerReturns.versions.none')}</p>
          ) : (
            <ul class="change-list">
              {v.changes.map((change) => (
                <li>
                  <Change change={change} goal={goal} />
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

function Change(props: { change: VersionChange; goal: (id: string) => string }) {
  const { t } = usePage();
  const c = props.change;
  switch (c.kind) {
    case 'text':
      return (
        <BeforeAfter
          label={t.t(`managerReturns.versions.field.${c.field}` as MessageKey)}
          before={c.field === 'sector' ? sectorLabel(c.before, t.t.bind(t)) : c.before}
          after={c.field === 'sector' ? sectorLabel(c.after, t.t.bind(t)) : c.after}
        />
      );
    case 'money':
      return (
        <BeforeAfter
          label={t.t(`managerReturns.versions.field.${c.field}` as MessageKey)}
          before={t.money(c.before)}
          after={t.money(c.after)}
        />
      );
    case 'budgetLine':
      return (
        <p>
          <strong>
            {t.t(c.change === 'added' ? 'managerReturns.versions.lineAdded' : 'managerReturns.versions.lineRemoved')}:
          </strong>{' '}
          <BudgetLine line={c.line} />
        </p>
      );
    case 'goal': {
      const key: Record<typeof c.change, MessageKey> = {
        added: 'managerReturns.versions.goalAdded',
        removed: 'managerReturns.versions.goalRemoved',
        changed: 'managerReturns.versions.goalChanged',
      };
      return <BeforeAfter label={`${t.t(key[c.change])}: ${props.goal(c.goalId)}`} before={c.before} after={c.after} />;
    }
  }
}

function BeforeAfter(props: { label: string; before: string | null; after: string | null }) {
  const { t } = usePage();
  const shown = (value: string | null) =>
    value === null || value === '' ? t.t('managerReturns.versions.empty') : value;
  return (
    <>
      <strong>{props.label}</strong>
      <dl class="before-after">
        <dt>{t.t('managerReturns.versions.before')}</dt>
        <dd>
          <del>{shown(props.before)}</del>
        </dd>
        <dt>{t.t('managerReturns.versions.after')}</dt>
        <dd>
          <ins>{shown(props.after)}</ins>
        </dd>
      </dl>
    </>
  );
}

function BudgetLine(props: { line: BudgetLineContent }) {
  const { t } = usePage();
  const l = props.line;
  const source = l.source === 'grant' || l.source === 'own' ? t.t(`applySteps.budget.source.${l.source}`) : l.source;
  return (
    <span>
      {categoryLabel(l.category, t.t.bind(t))}
      {l.description && ` — ${l.description}`}: {t.money(l.amount)} ({source})
    </span>
  );
}

function ReturnList(props: { returns: ReturnView[] }) {
  const { t } = usePage();
  const outcome: Record<ReturnOutcome | 'open', MessageKey> = {
    open: 'managerReturns.returns.open',
    resubmitted: 'managerReturns.returns.resubmitted',
    lapsed: 'managerReturns.returns.lapsed',
    withdrawn: 'managerReturns.returns.withdrawn',
  };
  return (
    <ol class="timeline">
      {props.returns.map((r) => (
        <li>
          {t.t('managerReturns.returns.item', {
            date: t.dateTime(r.returnedAt),
            version: r.version,
            answerBy: t.dateTime(r.answerBy),
          })}{' '}
          — <strong>{t.t(outcome[r.outcome ?? 'open'])}</strong>
          <blockquote class="return-message">{r.message}</blockquote>
        </li>
      ))}
    </ol>
  );
}

const sectorLabel = (value: string | null, t: (key: MessageKey) => string): string | null =>
  value === null ? null : t(`applySteps.sector.${value}` as MessageKey);
