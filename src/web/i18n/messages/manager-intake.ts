import { defineMessages } from '../define-messages';

/** Assisted intake: a manager enters an application for an applicant who came to the office. */
export const managerIntake = defineMessages({
  kk: {
    'managerIntake.link': 'Кеңсеге келген өтініш берушінің өтінімін енгізу',
    'managerIntake.title': 'Кеңсеге келген өтініш берушінің өтінімі',
    'managerIntake.lead':
      'Өтініш берушінің тіркелгісін ол берген электрондық пошта немесе телефон нөмірі бойынша табыңыз. Содан кейін өтінімді оның өзі көретін қадамдармен бірге толтырасыз. Өтінімдер {date} дейін қабылданады.',
    'managerIntake.contact.label': 'Электрондық пошта немесе телефон нөмірі',
    'managerIntake.contact.hint': 'Мысалы, aigerim@example.kz немесе +7 701 123 45 67',
    'managerIntake.find': 'Табу',
    'managerIntake.found': {
      one: '{count} тіркелгі табылды',
      other: '{count} тіркелгі табылды',
    },
    'managerIntake.none.title': 'Тіркелгі табылмады',
    'managerIntake.none.text': '«{contact}» бойынша өтініш берушінің тіркелгісі жоқ.',
    'managerIntake.none.register':
      'Мекенжай мен нөмірді өтініш берушімен бірге тексеріңіз. Тіркелгісі болмаса, ол өз телефонынан немесе осы жерде тіркеліп, кейін қайта іздеңіз.',
    'managerIntake.applicant.label': 'Кімнің атынан өтінім енгізесіз',
    'managerIntake.village.label': 'Өтінім қай ауыл үшін',
    'managerIntake.village.hint': 'Конкурсқа қатыса алатын ауылдар. Әдетте өтініш берушінің өз ауылы.',
    'managerIntake.village.home': 'Өтініш берушінің өз ауылы',
    'managerIntake.reason.label': 'Басқа ауыл үшін болса, себебі',
    'managerIntake.reason.hint': 'Өтініш беруші өз ауылы үшін емес өтінім берсе ғана толтырыңыз.',
    'managerIntake.start': 'Өтінімді бастау',
    'managerIntake.error.contact':
      'Электрондық поштаны (aigerim@example.kz) немесе телефон нөмірін (+7 701 123 45 67) енгізіңіз',
    'managerIntake.error.applicantRequired': 'Өтінімді кімнің атынан енгізетініңізді таңдаңыз',
    'managerIntake.error.applicant': 'Бұл тіркелгі белсенді өтініш берушіге тиесілі емес. Қайта іздеңіз.',
    'managerIntake.error.village':
      'Конкурсқа қатыса алатын ауылды таңдаңыз: өтініш берушінің өз ауылы белгіленбеген немесе конкурсқа кірмейді',
    'managerIntake.error.reason': 'Басқа ауыл үшін өтінімнің себебін жазыңыз (ең көбі 1000 таңба)',
    'managerIntake.error.closed': 'Бұл конкурс қазір өтінім қабылдамайды.',
    'managerIntake.error.limit': 'Бұл өтініш берушінің осы конкурста рұқсат етілген өтінімдері бар.',
    'managerIntake.register.link': 'Оған тіркелгі ашу',
    'managerIntake.register.title': 'Кеңсеге келген өтініш берушіні тіркеу',
    'managerIntake.register.lead':
      'Өтініш берушінің деректерін енгізіңіз. Құпиясөзді сіз бермейсіз: ол өз тілінде хат алып, сілтеме арқылы құпиясөзін өзі таңдайды.',
    'managerIntake.register.emailHint':
      'Міндетті: кіру және хат алу үшін. Осы мекенжайға құпиясөз таңдау сілтемесі жіберіледі.',
    'managerIntake.register.submit': 'Тіркеу',
    'managerIntake.registered': 'Тіркелгі ашылды. {email} мекенжайына құпиясөз таңдау сілтемесі бар хат жіберілді.',
    'managerIntake.banner': 'Сіз бұл өтінімді {name} атынан енгізіп жатырсыз',
    'managerIntake.banner.back': 'Конкурс өтінімдеріне оралу',
    'managerIntake.dashboard.assisted': 'Әкімдік кеңсесінде енгізілген',
  },
  ru: {
    'managerIntake.link': 'Внести заявку за заявителя, пришедшего в офис',
    'managerIntake.title': 'Заявка заявителя, пришедшего в офис',
    'managerIntake.lead':
      'Найдите учётную запись заявителя по электронной почте или телефону, которые он назовёт. Затем вы заполните заявку теми же шагами, что видит он сам. Заявки принимаются до {date}.',
    'managerIntake.contact.label': 'Электронная почта или номер телефона',
    'managerIntake.contact.hint': 'Например, aigerim@example.kz или +7 701 123 45 67',
    'managerIntake.find': 'Найти',
    'managerIntake.found': {
      one: 'Найдена {count} учётная запись',
      few: 'Найдено {count} учётные записи',
      many: 'Найдено {count} учётных записей',
      other: 'Найдено {count} учётной записи',
    },
    'managerIntake.none.title': 'Учётная запись не найдена',
    'managerIntake.none.text': 'По «{contact}» нет учётной записи заявителя.',
    'managerIntake.none.register':
      'Проверьте адрес или номер вместе с заявителем. Если учётной записи нет, пусть он зарегистрируется со своего телефона или здесь, затем найдите его снова.',
    'managerIntake.applicant.label': 'За кого вы вносите заявку',
    'managerIntake.village.label': 'Для какого села заявка',
    'managerIntake.village.hint': 'Сёла, участвующие в конкурсе. Обычно это родное село заявителя.',
    'managerIntake.village.home': 'Родное село заявителя',
    'managerIntake.reason.label': 'Причина, если село другое',
    'managerIntake.reason.hint': 'Заполните, только если заявка не для родного села заявителя.',
    'managerIntake.start': 'Начать заявку',
    'managerIntake.error.contact':
      'Введите электронную почту (aigerim@example.kz) или номер телефона (+7 701 123 45 67)',
    'managerIntake.error.applicantRequired': 'Выберите, за кого вы вносите заявку',
    'managerIntake.error.applicant': 'Эта учётная запись не принадлежит действующему заявителю. Найдите его снова.',
    'managerIntake.error.village':
      'Выберите село, участвующее в конкурсе: у заявителя не указано родное село или оно не участвует',
    'managerIntake.error.reason': 'Напишите, почему заявка для другого села (не более 1000 знаков)',
    'managerIntake.error.closed': 'Этот конкурс сейчас не принимает заявки.',
    'managerIntake.error.limit': 'У этого заявителя уже столько заявок в конкурсе, сколько разрешено.',
    'managerIntake.register.link': 'Зарегистрировать его',
    'managerIntake.register.title': 'Регистрация заявителя, пришедшего в офис',
    'managerIntake.register.lead':
      'Внесите данные заявителя. Пароль вы не задаёте: заявитель получит письмо на своём языке со ссылкой, по которой выберет пароль сам.',
    'managerIntake.register.emailHint':
      'Обязательно: для входа и писем. На этот адрес придёт ссылка для выбора пароля.',
    'managerIntake.register.submit': 'Зарегистрировать',
    'managerIntake.registered': 'Учётная запись создана. На {email} отправлено письмо со ссылкой для выбора пароля.',
    'managerIntake.banner': 'Вы вносите эту заявку за заявителя: {name}',
    'managerIntake.banner.back': 'К заявкам конкурса',
    'managerIntake.dashboard.assisted': 'Внесена в офисе акимата',
  },
  en: {
    'managerIntake.link': 'Enter an application for a walk-in applicant',
    'managerIntake.title': 'Application for a walk-in applicant',
    'managerIntake.lead':
      "Find the applicant's account by the email address or phone number they give. You then fill in the application through the same steps they see. Applications are accepted until {date}.",
    'managerIntake.contact.label': 'Email address or phone number',
    'managerIntake.contact.hint': 'For example aigerim@example.kz or +7 701 123 45 67',
    'managerIntake.find': 'Find',
    'managerIntake.found': {
      one: '{count} account found',
      other: '{count} accounts found',
    },
    'managerIntake.none.title': 'No account found',
    'managerIntake.none.text': 'There is no applicant account for “{contact}”.',
    'managerIntake.none.register':
      'Check the address or number with the applicant. If they have no account, they register on their phone or here, then search again.',
    'managerIntake.applicant.label': 'Who you enter the application for',
    'managerIntake.village.label': 'Village the application is for',
    'managerIntake.village.hint': "The villages in the competition. Usually the applicant's home village.",
    'managerIntake.village.home': "The applicant's home village",
    'managerIntake.reason.label': 'Reason, if another village',
    'managerIntake.reason.hint': "Fill in only if the application is not for the applicant's home village.",
    'managerIntake.start': 'Start the application',
    'managerIntake.error.contact': 'Enter an email address (aigerim@example.kz) or a phone number (+7 701 123 45 67)',
    'managerIntake.error.applicantRequired': 'Choose who you enter the application for',
    'managerIntake.error.applicant': 'This account is not an active applicant. Search again.',
    'managerIntake.error.village':
      "Choose a village in the competition: the applicant's home village is not set or not in the competition",
    'managerIntake.error.reason': 'Say why the application is for another village (at most 1000 characters)',
    'managerIntake.error.closed': 'This competition does not accept applications now.',
    'managerIntake.error.limit': 'This applicant already has as many applications in the competition as it allows.',
    'managerIntake.register.link': 'Register an account for them',
    'managerIntake.register.title': 'Register a walk-in applicant',
    'managerIntake.register.lead':
      "Enter the applicant's details. You do not set a password: they get a mail in their language with a link to choose their own.",
    'managerIntake.register.emailHint':
      'Required: to sign in and get mail. The link to choose a password goes to this address.',
    'managerIntake.register.submit': 'Register',
    'managerIntake.registered': 'The account is open. A mail with a link to choose a password went to {email}.',
    'managerIntake.banner': 'You are entering this application for {name}',
    'managerIntake.banner.back': "Back to the competition's applications",
    'managerIntake.dashboard.assisted': "Entered at the akimat's office",
  },
});
