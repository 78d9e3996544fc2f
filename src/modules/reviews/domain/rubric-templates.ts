import type { LocalizedText } from '../../../common/i18n/localized-text';
import type { RoundMethod, RubricCriterion } from './rounds/round-method';

/**
 * Rubrics a manager starts a round from, as plain data: the Start Up competition's default, in
 * Kazakh, Russian and English, with a descriptor for every level of every 0..4 scale. Plan
 * alignment breaks ties first and is a gate (a mean below 1 bars advancement): the programme
 * exists to serve the villages' plans (DESIGN.md sections 1 and 5).
 */
export interface RubricTemplate {
  code: string;
  title: LocalizedText;
  method: RoundMethod;
}

type Levels = [LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText];

const criterion = (code: string, title: LocalizedText, weight: number, descriptors: Levels, min?: number) =>
  ({ code, title, weight, max: 4, descriptors, ...(min !== undefined ? { min } : {}) }) satisfies RubricCriterion;

const PLAN_ALIGNMENT = criterion(
  'plan_alignment',
  {
    kk: 'Ауылдың даму жоспарына сәйкестігі',
    ru: 'Соответствие плану развития села',
    en: 'Alignment with the village development plan',
  },
  3,
  [
    {
      kk: 'Жоспардың ешбір мақсатына қатысы жоқ',
      ru: 'Не связан ни с одной целью плана',
      en: 'Serves no goal of the plan',
    },
    {
      kk: 'Жоспар мақсатына жанама ғана қатысы бар',
      ru: 'Связан с целью плана лишь косвенно',
      en: 'Touches a goal of the plan only indirectly',
    },
    {
      kk: 'Жоспардың бір мақсатына жартылай қызмет етеді',
      ru: 'Частично служит одной цели плана',
      en: 'Partly serves one goal of the plan',
    },
    {
      kk: 'Жоспардың бір мақсатына тікелей қызмет етеді',
      ru: 'Прямо служит одной цели плана',
      en: 'Directly serves one goal of the plan',
    },
    {
      kk: 'Жоспардың басым мақсаттарына тікелей әрі өлшенетіндей қызмет етеді',
      ru: 'Прямо и измеримо служит приоритетным целям плана',
      en: 'Directly and measurably serves the plan’s priority goals',
    },
  ],
  1,
);

const FEASIBILITY = criterion('feasibility', { kk: 'Жүзеге асырылуы', ru: 'Реализуемость', en: 'Feasibility' }, 2, [
  {
    kk: 'Жоспар жоқ немесе жүзеге асыру мүмкін емес',
    ru: 'Плана нет или он невыполним',
    en: 'No plan, or it cannot be carried out',
  },
  {
    kk: 'Жоспарда үлкен олқылықтар бар',
    ru: 'В плане серьёзные пробелы',
    en: 'The plan has serious gaps',
  },
  {
    kk: 'Жоспар жалпы түсінікті, кейбір тәуекелдер ескерілмеген',
    ru: 'План в целом ясен, часть рисков не учтена',
    en: 'The plan is broadly clear; some risks are not addressed',
  },
  {
    kk: 'Жоспар, бюджет және мерзімдер нақты әрі шынайы',
    ru: 'План, бюджет и сроки конкретны и реалистичны',
    en: 'Plan, budget and timeline are concrete and realistic',
  },
  {
    kk: 'Толық әрі шынайы жоспар, тәуекелдер мен оларды азайту жолдары көрсетілген',
    ru: 'Полный реалистичный план с рисками и мерами по их снижению',
    en: 'A complete, realistic plan with risks and how to reduce them',
  },
]);

const LOCAL_JOBS = criterion(
  'local_jobs',
  { kk: 'Жергілікті жұмыс орындары', ru: 'Местные рабочие места', en: 'Local jobs' },
  2,
  [
    { kk: 'Жұмыс орны ашылмайды', ru: 'Рабочие места не создаются', en: 'Creates no jobs' },
    {
      kk: 'Тек өтінім берушінің өзін жұмыспен қамтиды',
      ru: 'Занятость только самого заявителя',
      en: 'Employs only the applicant',
    },
    {
      kk: 'Ауыл тұрғындары үшін 1 жұмыс орны',
      ru: '1 рабочее место для жителей села',
      en: 'One job for village residents',
    },
    {
      kk: 'Ауыл тұрғындары үшін 2-3 жұмыс орны',
      ru: '2–3 рабочих места для жителей села',
      en: 'Two or three jobs for village residents',
    },
    {
      kk: 'Ауыл тұрғындары үшін 4 және одан көп тұрақты жұмыс орны, жастар немесе әйелдер үшін де',
      ru: '4 и более постоянных рабочих мест для жителей села, в том числе для молодёжи или женщин',
      en: 'Four or more lasting jobs for village residents, including young people or women',
    },
  ],
);

const SUSTAINABILITY = criterion(
  'sustainability',
  {
    kk: 'Қоса қаржыландыру және тұрақтылық',
    ru: 'Софинансирование и устойчивость',
    en: 'Co-financing and sustainability',
  },
  2,
  [
    {
      kk: 'Өз үлесі жоқ, грант біткен соң іс тоқтайды',
      ru: 'Собственного вклада нет, после гранта дело прекратится',
      en: 'No own contribution; the business ends with the grant',
    },
    {
      kk: 'Өз үлесі ең төменгі деңгейде, табыс көзі белгісіз',
      ru: 'Собственный вклад минимален, источник дохода неясен',
      en: 'Minimal own contribution; unclear source of income',
    },
    {
      kk: 'Өз үлесі талапқа сай, табыс көзі бар',
      ru: 'Собственный вклад по требованию, источник дохода есть',
      en: 'Own contribution as required; a source of income exists',
    },
    {
      kk: 'Өз үлесі талаптан жоғары, бір жылдан кейін өзін-өзі ақтайды',
      ru: 'Собственный вклад выше требуемого, окупаемость в течение года',
      en: 'Own contribution above the minimum; pays for itself within a year',
    },
    {
      kk: 'Қосымша серіктестер қаржыландырады, табысы тұрақты әрі дәлелденген',
      ru: 'Есть другие софинансирующие партнёры, доход устойчив и подтверждён',
      en: 'Other partners co-finance; income is steady and evidenced',
    },
  ],
);

const INNOVATION = criterion('innovation', { kk: 'Жаңашылдық', ru: 'Инновационность', en: 'Innovation' }, 1, [
  {
    kk: 'Ауылда бұрыннан бар нәрсені қайталайды',
    ru: 'Повторяет то, что в селе уже есть',
    en: 'Repeats what the village already has',
  },
  {
    kk: 'Бар нәрсені сәл жақсартады',
    ru: 'Немного улучшает существующее',
    en: 'Slightly improves what exists',
  },
  {
    kk: 'Ауыл үшін жаңа қызмет немесе өнім',
    ru: 'Новая для села услуга или продукт',
    en: 'A service or product new to the village',
  },
  {
    kk: 'Аудан үшін жаңа тәсіл',
    ru: 'Новый для района подход',
    en: 'An approach new to the district',
  },
  {
    kk: 'Басқа ауылдар қайталай алатын жаңа тәсіл',
    ru: 'Новый подход, который могут перенять другие сёла',
    en: 'A new approach other villages can copy',
  },
]);

/** The default Start Up rubric and method: three jurors each, two scoresheets to rank, top 10 advance. */
export const START_UP_TEMPLATE: RubricTemplate = {
  code: 'startup',
  title: { kk: 'Start Up: негізгі критерийлер', ru: 'Start Up: основные критерии', en: 'Start Up: default rubric' },
  method: {
    criteria: [PLAN_ALIGNMENT, FEASIBILITY, LOCAL_JOBS, SUSTAINABILITY, INNOVATION],
    priorityCriterion: PLAN_ALIGNMENT.code,
    jurorsPerApplication: 3,
    minLoad: 0,
    maxLoad: 20,
    quorum: 2,
    disputeSpread: 25,
    disputeMargin: 2,
    disputeMaxShare: 0.1,
    calibratedDecisive: false,
    advancement: { kind: 'top', n: 10 },
    blind: true,
  },
};

export const RUBRIC_TEMPLATES: readonly RubricTemplate[] = [START_UP_TEMPLATE];

/** A deep copy, so whoever edits the method edits their own. */
export function templateMethod(code: string): RoundMethod | null {
  const template = RUBRIC_TEMPLATES.find((t) => t.code === code);
  return template ? (structuredClone(template.method) as RoundMethod) : null;
}
