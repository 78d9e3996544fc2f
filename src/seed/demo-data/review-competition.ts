import { AKSHUKUR_APPLICATIONS } from './review-applications-akshukur';
import { BAUTINO_APPLICATIONS } from './review-applications-bautino';
import { DemoApplication, DemoText } from './types';

/**
 * A second competition, already in review: applications submitted and screened, the call closed,
 * a panel of three jurors who have not yet declared their conflicts, and a draft first round.
 * Amounts are in tenge here (the seed converts them to tiyn).
 */
export const REVIEW_DEMO_COMPETITION = {
  code: 'BAU',
  title: {
    kk: 'Start Up Баутин және Ақшұқыр 2026 (сараптамада)',
    ru: 'Start Up Баутино и Акшукур 2026 (на рассмотрении)',
    en: 'Start Up Bautino & Akshukur 2026 (in review)',
  },
  description: {
    kk:
      'Баутин немесе Ақшұқыр ауылының даму жоспарына қызмет ететін кәсіптерге шағын гранттар. ' +
      'Грант мөлшері 500 000 – 3 000 000 теңге; өз үлесі кемінде 20%. Өтінім қабылдау аяқталды, өтінімдер сараптамада.',
    ru:
      'Малые гранты бизнесу, который служит плану развития Баутино или Акшукура. ' +
      'Гранты от 500 000 до 3 000 000 тенге; собственный вклад не меньше 20%. Приём заявок закрыт, идёт рассмотрение.',
    en:
      'Small grants for businesses that support the development plan of Bautino or Akshukur. ' +
      'Grants from 500,000 to 3,000,000 tenge; at least 20% own contribution. Applications are closed and under review.',
  },
  budget: '1000000000',
  minAward: '50000000',
  maxAward: '300000000',
  minOwnShareBp: 2000,
  maxApplicationsPerApplicant: 1,
  villages: ['Bautino', 'Akshukur'],
  /** Opened this many days before the seed ran; closed by the manager once every application was in. */
  openedDaysAgo: 30,
};

/** The applications of the competition in review, in the order the seed submits them. */
export const REVIEW_DEMO_APPLICATIONS: DemoApplication[] = [...BAUTINO_APPLICATIONS, ...AKSHUKUR_APPLICATIONS];

/** The panel: nobody has confirmed their conflict declaration yet. */
export const REVIEW_DEMO_JURORS: { email: string; fullName: string; homeVillage?: string; expertise: string[] }[] = [
  { email: 'juror@demo.startup.kz', fullName: 'Demo Juror', expertise: ['tourism', 'services', 'water'] },
  {
    email: 'juror2@demo.startup.kz',
    fullName: 'Asel Baimukhanova',
    homeVillage: 'Bautino',
    expertise: ['agriculture', 'services', 'water'],
  },
  {
    email: 'juror3@demo.startup.kz',
    fullName: 'Timur Abdrakhmanov',
    homeVillage: 'Kyzyltobe',
    expertise: ['processing', 'tourism', 'fish'],
  },
];

const LEVELS = (...levels: [DemoText, DemoText, DemoText, DemoText, DemoText]) => levels;

/** Round 1 of the competition in review, as a draft: the manager opens it. */
export const REVIEW_DEMO_ROUND = {
  name: 'Round 1',
  deadlineDays: 14,
  method: {
    criteria: [
      {
        code: 'plan_alignment',
        title: {
          kk: 'Ауылдың даму жоспарына қызмет етеді',
          ru: 'Служит плану развития села',
          en: 'Supports the village development plan',
        },
        description: {
          kk: 'Жоба бекітілген жоспардың байланысты мақсаттарын қаншалықты анық және қаншалықты алға жылжытады. Орташа балл 2-ден төмен болса, келесі кезеңге өтпейді.',
          ru: 'Насколько ясно и насколько сильно проект продвигает связанные цели утверждённого плана. Средний балл ниже 2 закрывает путь дальше.',
          en: 'How clearly and how much the project advances the linked goals of the adopted plan. An average below 2 bars advancement.',
        },
        weight: 3,
        max: 4,
        min: 2,
        descriptors: LEVELS(
          {
            kk: 'Жоспардың ешбір мақсатымен нақты байланыс жоқ',
            ru: 'Нет реальной связи ни с одной целью плана',
            en: 'No real link to any goal of the plan',
          },
          {
            kk: 'Мақсат аталған, бірақ байланыс әлсіз не жанама',
            ru: 'Цель названа, но связь слабая или косвенная',
            en: 'A goal is named, but the link is weak or indirect',
          },
          {
            kk: 'Бір мақсатқа тексеруге болатын үлес қосады',
            ru: 'Вносит проверяемый вклад в одну цель',
            en: 'Contributes to one goal in a way that can be checked',
          },
          {
            kk: 'Мақсатқа анық, өлшенетін үлес',
            ru: 'Ясный, измеримый вклад в цель',
            en: 'Clear, measurable contribution to a goal',
          },
          {
            kk: 'Бір не бірнеше басым мақсатқа күшті, өлшенетін үлес',
            ru: 'Сильный, измеримый вклад в одну или несколько приоритетных целей',
            en: 'Strong, measurable contribution to one or more priority goals',
          },
        ),
      },
      {
        code: 'feasibility',
        title: {
          kk: 'Орындалатын, бюджеті негізделген',
          ru: 'Выполним, бюджет обоснован',
          en: 'Feasible and soundly budgeted',
        },
        description: {
          kk: 'Жоспар, шығындар, үй-жай және біліктілік: өтініш беруші ұсынғанын осы бюджетпен орындай ала ма?',
          ru: 'План, расходы, помещение и навыки: сможет ли заявитель сделать задуманное с этим бюджетом?',
          en: 'Plan, costs, premises and skills: can the applicant do what they propose with this budget?',
        },
        weight: 2,
        max: 4,
        descriptors: LEVELS(
          { kk: 'Жазылғандай орындау мүмкін емес', ru: 'В таком виде невыполним', en: 'Not feasible as written' },
          {
            kk: 'Жоспарда, шығындарда не біліктілікте үлкен олқылықтар бар',
            ru: 'Серьёзные пробелы в плане, расходах или навыках',
            en: 'Major gaps in the plan, the costs or the skills',
          },
          {
            kk: 'Орындалады, бірақ елеулі тәуекелдер бар',
            ru: 'Выполним, но риски заметные',
            en: 'Feasible, with notable risks',
          },
          {
            kk: 'Жоспар мен шығындар шынайы, тәуекелдер аз',
            ru: 'Реалистичные план и расходы, риски небольшие',
            en: 'Realistic plan and costs, minor risks',
          },
          {
            kk: 'Шынайы және дәлелденген: баға ұсыныстары, үй-жай, тәжірибе',
            ru: 'Реалистично и подтверждено: сметы, помещение, опыт',
            en: 'Realistic and well evidenced: quotes, premises, experience',
          },
        ),
      },
      {
        code: 'jobs',
        title: { kk: 'Жергілікті жұмыс орындары', ru: 'Местные рабочие места', en: 'Local jobs' },
        description: {
          kk: 'Жоба ауылда өтініш берушінің өзінен басқа ашатын жұмыс орындары.',
          ru: 'Работа, которую проект создаёт в селе помимо самого заявителя.',
          en: 'Work the project creates in the village besides the applicant’s own.',
        },
        weight: 1,
        max: 4,
        descriptors: LEVELS(
          { kk: 'Жаңа жұмыс жоқ', ru: 'Новой работы нет', en: 'No new work' },
          {
            kk: 'Тек маусымдық не толық емес жұмыс',
            ru: 'Только сезонная или частичная занятость',
            en: 'Seasonal or part-time work only',
          },
          { kk: 'Бір тұрақты жұмыс орны', ru: 'Одно постоянное рабочее место', en: 'One permanent job' },
          {
            kk: 'Екі-үш тұрақты жұмыс орны',
            ru: 'Два-три постоянных рабочих места',
            en: 'Two or three permanent jobs',
          },
          {
            kk: 'Төрт не одан көп тұрақты жұмыс орны, оның ішінде жастарға',
            ru: 'Четыре и больше постоянных рабочих мест, в том числе для молодёжи',
            en: 'Four or more permanent jobs, including young people',
          },
        ),
      },
      {
        code: 'own_contribution',
        title: {
          kk: 'Өз үлесі мен ниеті',
          ru: 'Собственный вклад и вовлечённость',
          en: 'Own contribution and commitment',
        },
        description: {
          kk: 'Өтініш берушінің жобаға салатын өз қаражаты, үй-жайы мен жабдығы.',
          ru: 'Собственные деньги, помещение и оборудование заявителя, вложенные в проект.',
          en: 'The applicant’s own money, premises and equipment put into the project.',
        },
        weight: 1,
        max: 4,
        descriptors: LEVELS(
          {
            kk: 'Ең аз үлес, әлі қолда жоқ',
            ru: 'Минимальная доля, ещё не собрана',
            en: 'The minimum share, not yet in hand',
          },
          {
            kk: 'Ең аз үлес, жартылай қолда',
            ru: 'Минимальная доля, собрана частично',
            en: 'The minimum share, partly in hand',
          },
          { kk: 'Ең аз үлес, қолда бар', ru: 'Минимальная доля, собрана', en: 'The minimum share, in hand' },
          {
            kk: 'Ең аз үлестен жоғары, қолда бар',
            ru: 'Больше минимальной доли, собрана',
            en: 'Above the minimum share, in hand',
          },
          {
            kk: 'Ең аз үлестен едәуір жоғары, өз үй-жайы не жабдығымен',
            ru: 'Намного больше минимума, своё помещение или оборудование',
            en: 'Well above the minimum, with own premises or equipment',
          },
        ),
      },
    ],
    priorityCriterion: 'plan_alignment',
    jurorsPerApplication: 2,
    minLoad: 0,
    maxLoad: 6,
    quorum: 2,
    disputeSpread: 15,
    disputeMargin: 1,
    // With seven applications the default share (0.1) would round down to no discussion list at all.
    disputeMaxShare: 0.3,
    calibratedDecisive: false,
    advancement: { kind: 'top' as const, n: 4 },
    blind: true,
  },
};
