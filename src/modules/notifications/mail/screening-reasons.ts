import { Language } from '../../../common/i18n/language';

/** How each screening reason reads in a mail; codes are those of the applications module. */
const REASONS: Record<string, Record<Language, string>> = {
  village_not_eligible: {
    kk: 'Ауыл бұл конкурсқа қатыса алмайды.',
    ru: 'Село не участвует в этом конкурсе.',
    en: 'The village is not eligible in this competition.',
  },
  goals_not_in_plan: {
    kk: 'Жоба ауылдың бекітілген даму жоспарының мақсаттарына сай келмейді.',
    ru: 'Проект не связан с целями утверждённого плана развития села.',
    en: "The project does not support the goals of the village's adopted development plan.",
  },
  amount_out_of_limits: {
    kk: 'Сұралған сома конкурс шегінен тыс.',
    ru: 'Запрошенная сумма выходит за пределы конкурса.',
    en: "The amount requested is outside the competition's limits.",
  },
  budget_inconsistent: {
    kk: 'Бюджет жолдары сұралған сомаға сәйкес келмейді.',
    ru: 'Строки бюджета не сходятся с запрошенной суммой.',
    en: 'The budget lines do not add up to the amounts requested.',
  },
  own_share_too_low: {
    kk: 'Өз үлесіңіз ең аз талаптан төмен.',
    ru: 'Собственный вклад ниже минимальной доли.',
    en: 'The own contribution is below the minimum share.',
  },
  duplicate_application: {
    kk: 'Бұл өтінім басқа өтінімді қайталайды.',
    ru: 'Заявка повторяет другую заявку.',
    en: 'The application duplicates another one.',
  },
  documents_missing: {
    kk: 'Қажетті құжаттар жоқ.',
    ru: 'Не хватает необходимых документов.',
    en: 'Required documents are missing.',
  },
  applicant_not_eligible: {
    kk: 'Өтініш беруші конкурс шарттарына сай келмейді.',
    ru: 'Заявитель не соответствует условиям конкурса.',
    en: 'The applicant does not meet the conditions of the competition.',
  },
  other: {
    kk: 'Басқа себеп (төмендегі түсініктемені қараңыз).',
    ru: 'Другая причина (см. пояснение ниже).',
    en: 'Another reason (see the note below).',
  },
};

export function screeningReasonText(code: string, language: Language): string {
  return (REASONS[code] ?? REASONS.other)[language];
}
