import { ScoresheetStatus } from '../../modules/reviews/entities/scoresheet.entity';

export const ITEM_STATUSES = ['not_started', 'draft', 'submitted', 'recused'] as const;
/** Where one assignment stands for its juror: what the round page shows and filters by. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export function itemStatus(assignment: 'active' | 'recused', scoresheet: ScoresheetStatus | null): ItemStatus {
  if (assignment === 'recused' || scoresheet === 'withdrawn') return 'recused';
  return scoresheet ?? 'not_started';
}

export const isItemStatus = (value: unknown): value is ItemStatus =>
  typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value);
