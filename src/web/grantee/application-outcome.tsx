import type { AwardStatus } from '../../modules/awards/domain/award-status';
import { MailFormats } from '../../modules/notifications/mail/template-helpers';
import { MessageKey } from '../i18n/catalogue';
import { ContentText, contentText } from '../i18n/content';
import { DISPLAY_TIME_ZONE } from '../i18n/formats';
import { usePage } from '../render/page-context';

export type RoundOutcomeReason = 'advanced' | 'below_quorum' | 'below_gate' | 'below_line';

/** One finalized round's result for the applicant. */
export interface RoundOutcome {
  roundId: string;
  roundName: ContentText;
  /** The official score, 0-100; null when too few jurors scored it to rank it. */
  official: number | null;
  rank: number | null;
  advanced: boolean;
  reason: RoundOutcomeReason;
}

/** The outcome of a submitted application: its finalized rounds, in order, and the award on it, if any. */
export interface ApplicationOutcome {
  rounds: RoundOutcome[];
  award: { id: string; status: AwardStatus } | null;
}

const REASONS: Record<RoundOutcomeReason, MessageKey> = {
  advanced: 'grantee.outcome.reason.advanced',
  below_quorum: 'grantee.outcome.reason.belowQuorum',
  below_gate: 'grantee.outcome.reason.belowGate',
  below_line: 'grantee.outcome.reason.belowLine',
};

// Scores read as in the results mail: one decimal in the language's way (71,4 / 71.4).
const formats = new MailFormats(DISPLAY_TIME_ZONE);

/**
 * The round results and the award offer of a submitted application, for its receipt page. Pure:
 * it renders what ApplicationOutcomeReader.forApplicant gave.
 */
export function ApplicationOutcomeView(props: { outcome: ApplicationOutcome }) {
  const { t, language } = usePage();
  const { rounds, award } = props.outcome;
  return (
    <section aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t.t('grantee.outcome.title')}</h2>
      {rounds.length === 0 && <p>{t.t('grantee.outcome.none')}</p>}
      {rounds.map((round) => (
        <div class="card">
          <h3>{contentText(round.roundName, language)}</h3>
          <p>
            <strong class={round.advanced ? 'tag ok' : 'tag bad'}>
              {t.t(round.advanced ? 'grantee.outcome.advanced' : 'grantee.outcome.notAdvanced')}
            </strong>
          </p>
          <dl class="summary-list">
            <dt>{t.t('grantee.outcome.score')}</dt>
            <dd>
              {round.official === null
                ? t.t('grantee.outcome.noScore')
                : t.t('grantee.outcome.scoreOf', { score: formats.formatScore(round.official, language), max: 100 })}
            </dd>
            {round.rank !== null && (
              <>
                <dt>{t.t('grantee.outcome.rank')}</dt>
                <dd>{t.number(round.rank)}</dd>
              </>
            )}
          </dl>
          <p class="muted">{t.t(REASONS[round.reason])}</p>
        </div>
      ))}
      {award && (
        <p>
          <a class={award.status === 'approved' ? 'button' : undefined} href={`/awards/${award.id}`}>
            {t.t(award.status === 'approved' ? 'grantee.outcome.answerOffer' : 'grantee.outcome.openAward')}
          </a>
        </p>
      )}
    </section>
  );
}
