import type { Language } from '../../../../common/i18n/language';

/** What the offline form says to its reader, in the juror's language. Keywords stay English (offline-parse.ts). */
export interface OfflineWords {
  intro: string[];
  round: string;
  deadline: string;
  assignment: string;
  reference: string;
  applicant: string;
  title: string;
  summary: string;
  description: string;
  sector: string;
  village: string;
  goals: string;
  requested: string;
  own: string;
  budget: string;
  grantLine: string;
  ownLine: string;
  jobs: string;
  files: string;
  score: (max: number, weight: number) => string;
  gate: (min: number) => string;
  note: string;
  comment: string;
  submit: string;
  sectors: Record<string, string>;
}

export const OFFLINE_WORDS: Record<Language, OfflineWords> = {
  kk: {
    intro: [
      'Бұл файл: сізге тағайындалған өтінімдер және әрқайсысына бағалау парағы.',
      'Әр "==+== score" жолының астына бүтін балл жазыңыз, түсініктемелерді өз жолдарына жазыңыз.',
      '"==+== submit" астына "иә" (жіберу) немесе "жоқ" (жоба ретінде сақтау) деп жазыңыз.',
      '"==-==" басталатын жолдар тек оқуға арналған; "==+==" жолдарын өзгертпеңіз.',
      'Файлды раунд бетінде жүктеңіз. Файлдың бәрі дұрыс болмайынша ешбір баға сақталмайды.',
    ],
    round: 'Раунд',
    deadline: 'Мерзімі',
    assignment: 'Өтінім',
    reference: 'Нөмірі',
    applicant: 'Өтінім беруші',
    title: 'Атауы',
    summary: 'Қысқаша',
    description: 'Сипаттамасы',
    sector: 'Сала',
    village: 'Ауыл',
    goals: 'Ауыл жоспарының мақсаттары',
    requested: 'Сұралған грант',
    own: 'Өз салымы',
    budget: 'Бюджет',
    grantLine: 'грант',
    ownLine: 'өз қаражаты',
    jobs: 'Жаңа жұмыс орындары',
    files: 'Файлдарды желіде, өтінім бетінде ашуға болады',
    score: (max, weight) => `Балл 0-ден ${max}-ге дейін, салмағы ${weight}`,
    gate: (min) => `Шектеу: орташа балл кемінде ${min}`,
    note: 'Осы критерий бойынша түсініктеме (міндетті емес)',
    comment: 'Жалпы түсініктеме (міндетті емес)',
    submit: 'Жіберу: иә немесе жоқ ("жоқ" жоба ретінде сақтайды)',
    sectors: {
      agriculture: 'Ауыл шаруашылығы',
      tourism: 'Туризм',
      crafts: 'Қолөнер',
      services: 'Қызмет көрсету',
      trade: 'Сауда',
      processing: 'Өңдеу',
      other: 'Басқа',
    },
  },
  ru: {
    intro: [
      'В этом файле: назначенные вам заявки и лист оценки для каждой.',
      'Под каждой строкой "==+== score" напишите целый балл, комментарии пишите под их строками.',
      'Под "==+== submit" напишите "да" (отправить) или "нет" (сохранить черновик).',
      'Строки, которые начинаются с "==-==", только для чтения; строки "==+==" не меняйте.',
      'Загрузите файл на странице раунда. Ни одна оценка не сохранится, пока весь файл не пройдёт проверку.',
    ],
    round: 'Раунд',
    deadline: 'Срок',
    assignment: 'Заявка',
    reference: 'Номер',
    applicant: 'Заявитель',
    title: 'Название',
    summary: 'Кратко',
    description: 'Описание',
    sector: 'Отрасль',
    village: 'Село',
    goals: 'Цели плана села',
    requested: 'Запрошенный грант',
    own: 'Собственный вклад',
    budget: 'Бюджет',
    grantLine: 'грант',
    ownLine: 'свои средства',
    jobs: 'Новые рабочие места',
    files: 'Файлы можно открыть онлайн, на странице заявки',
    score: (max, weight) => `Балл от 0 до ${max}, вес ${weight}`,
    gate: (min) => `Порог: средний балл не ниже ${min}`,
    note: 'Комментарий к этому критерию (необязательно)',
    comment: 'Общий комментарий (необязательно)',
    submit: 'Отправить: да или нет ("нет" сохраняет черновик)',
    sectors: {
      agriculture: 'Сельское хозяйство',
      tourism: 'Туризм',
      crafts: 'Ремёсла',
      services: 'Услуги',
      trade: 'Торговля',
      processing: 'Переработка',
      other: 'Другое',
    },
  },
  en: {
    intro: [
      'This file holds the applications assigned to you and a scoresheet for each.',
      'Write a whole number under each "==+== score" line, and comments under their lines.',
      'Under "==+== submit" write "yes" (submit) or "no" (keep as a draft).',
      'Lines that start with "==-==" are for reading only; do not change the "==+==" lines.',
      'Upload the file on the round page. No score is stored unless the whole file passes the checks.',
    ],
    round: 'Round',
    deadline: 'Deadline',
    assignment: 'Application',
    reference: 'Reference',
    applicant: 'Applicant',
    title: 'Title',
    summary: 'Summary',
    description: 'Description',
    sector: 'Sector',
    village: 'Village',
    goals: 'Goals of the village plan',
    requested: 'Grant requested',
    own: 'Own contribution',
    budget: 'Budget',
    grantLine: 'grant',
    ownLine: 'own funds',
    jobs: 'New jobs',
    files: 'Files can be opened online, on the application page',
    score: (max, weight) => `Score from 0 to ${max}, weight ${weight}`,
    gate: (min) => `Gate: a mean of at least ${min}`,
    note: 'Comment on this criterion (optional)',
    comment: 'Overall comment (optional)',
    submit: 'Submit: yes or no ("no" keeps a draft)',
    sectors: {
      agriculture: 'Agriculture',
      tourism: 'Tourism',
      crafts: 'Crafts',
      services: 'Services',
      trade: 'Trade',
      processing: 'Processing',
      other: 'Other',
    },
  },
};

/** "yes" and "no" as a juror may write them in any of the three languages (case ignored). */
export const SUBMIT_ANSWERS: Record<string, boolean> = {
  yes: true,
  y: true,
  no: false,
  n: false,
  да: true,
  нет: false,
  иә: true,
  ия: true,
  жоқ: false,
  жок: false,
  '1': true,
  '0': false,
};

/** How the form writes yes and no in each language (the first answer above that reads it back). */
export const SUBMIT_WORDS: Record<Language, { yes: string; no: string }> = {
  kk: { yes: 'иә', no: 'жоқ' },
  ru: { yes: 'да', no: 'нет' },
  en: { yes: 'yes', no: 'no' },
};
