import { MessageKey } from '../i18n/catalogue';
import { Translator } from '../i18n/translator';

/** Status and reason codes as words; a code the catalogue does not know yet shows as it is. */
function wordsFor(keys: Record<string, MessageKey>) {
  return (t: Translator, code: string): string => {
    const key = Object.prototype.hasOwnProperty.call(keys, code) ? keys[code] : undefined;
    return key ? t.t(key) : code;
  };
}

export const competitionStatusText = wordsFor({
  open: 'public.status.open',
  closed: 'public.status.closed',
  finalized: 'public.status.finalized',
  archived: 'public.status.archived',
});

export const roundStatusText = wordsFor({
  draft: 'public.round.status.draft',
  open: 'public.round.status.open',
  closed: 'public.round.status.closed',
  finalized: 'public.round.status.finalized',
});

export const grantStatusText = wordsFor({
  accepted: 'public.grant.status.accepted',
  active: 'public.grant.status.active',
  completed: 'public.grant.status.completed',
  cancelled: 'public.grant.status.cancelled',
});

export const sectorText = wordsFor({
  agriculture: 'public.sector.agriculture',
  tourism: 'public.sector.tourism',
  crafts: 'public.sector.crafts',
  services: 'public.sector.services',
  trade: 'public.sector.trade',
  processing: 'public.sector.processing',
  other: 'public.sector.other',
});

export const resultReasonText = wordsFor({
  advanced: 'public.result.advanced',
  below_quorum: 'public.result.belowQuorum',
  below_gate: 'public.result.belowGate',
  below_line: 'public.result.belowLine',
});

export const allocationReasonText = wordsFor({
  funded: 'public.allocation.funded',
  funded_partially: 'public.allocation.fundedPartially',
  floor: 'public.allocation.floor',
  budget_exhausted: 'public.allocation.budgetExhausted',
  envelope_full: 'public.allocation.envelopeFull',
  below_gate: 'public.allocation.belowGate',
  tie_lost_by_lot: 'public.allocation.tieLostByLot',
  not_advanced: 'public.allocation.notAdvanced',
  below_quorum: 'public.allocation.belowQuorum',
  withdrawn: 'public.allocation.withdrawn',
  declined: 'public.allocation.declined',
  cancelled: 'public.allocation.cancelled',
});

/** Basis points as a percentage (2000 -> "20 %" in the reader's number format). */
export const percent = (t: Translator, bp: number): string => t.t('public.percent', { value: bp / 100 });

/** A score 0..100 with one decimal, or a dash when there is none. */
export const score = (t: Translator, value: number | null): string => (value === null ? '—' : t.number(value));
