import { defineMessages } from '../define-messages';

/** Pages anyone can read without signing in. */
export const publicSite = defineMessages({
  kk: {
    'public.home.title': 'Ауылыңызды дамытатын бизнеске шағын гранттар',
    'public.home.lead': 'Ауылыңыздың даму жоспарын қолдайтын жобаңызға грант алу үшін өтінім беріңіз.',
    'public.home.open': 'Ашық конкурстар',
    'public.home.none': 'Қазір ашық конкурс жоқ.',
    'public.home.closesIn': { one: '{count} күннен кейін жабылады', other: '{count} күннен кейін жабылады' },
    'public.home.closesToday': 'Бүгін жабылады',
    'public.home.awardRange': 'Грант: {min} – {max}',
  },
  ru: {
    'public.home.title': 'Малые гранты бизнесу, который развивает ваше село',
    'public.home.lead': 'Подайте заявку на грант для проекта, который поддерживает план развития вашего села.',
    'public.home.open': 'Открытые конкурсы',
    'public.home.none': 'Сейчас открытых конкурсов нет.',
    'public.home.closesIn': {
      one: 'Закрывается через {count} день',
      few: 'Закрывается через {count} дня',
      many: 'Закрывается через {count} дней',
      other: 'Закрывается через {count} дня',
    },
    'public.home.closesToday': 'Закрывается сегодня',
    'public.home.awardRange': 'Грант: {min} – {max}',
  },
  en: {
    'public.home.title': 'Small grants for businesses that help your village grow',
    'public.home.lead': "Apply for a grant for a project that supports your village's development plan.",
    'public.home.open': 'Open competitions',
    'public.home.none': 'No competition is open at the moment.',
    'public.home.closesIn': { one: 'Closes in {count} day', other: 'Closes in {count} days' },
    'public.home.closesToday': 'Closes today',
    'public.home.awardRange': 'Grant: {min} – {max}',
  },
});
