import { defineMessages } from '../define-messages';

/** An applicant's application returned for changes: the notice, resending it, and a return that lapsed. */
export const applyReturns = defineMessages({
  kk: {
    'applyReturns.notice.title': 'Өтініміңіз түзетуге қайтарылды',
    'applyReturns.notice.from': 'Бағдарлама менеджерінің хабарламасы:',
    'applyReturns.notice.answerBy': 'Өтінімді түзетіп, {date} дейін қайта жіберіңіз.',
    'applyReturns.notice.daysLeft': { one: '{count} күн қалды.', other: '{count} күн қалды.' },
    'applyReturns.notice.lastDay': 'Бүгін — соңғы күн.',
    'applyReturns.notice.keeps':
      'Өтінімнің {reference} нөмірі өзгермейді. Осы мерзімге дейін жіберілмесе, өтінім конкурстан қайтарып алынады.',
    'applyReturns.notice.check': 'Тексеріп, қайта жіберу',
    'applyReturns.notice.tooLate': 'Түзетулерді жіберу мерзімі өтіп кетті: өтінімді енді өзгерту мүмкін емес.',
    'applyReturns.dashboard.task': '«{title}» өтінімін түзетіп, {date} дейін қайта жіберіңіз',
    'applyReturns.check.lead':
      'Түзетулеріңіз {reference} өтінімінің жаңа нұсқасы болады. Менеджер не өзгергенін көреді.',
    'applyReturns.check.resubmit': 'Түзетілген өтінімді жіберу',
    'applyReturns.check.tooLate': 'Түзетулерді жіберу мерзімі өтіп кетті, сондықтан өтінімді жіберу мүмкін емес.',
    'applyReturns.timeline.resubmitted': 'Қайта жіберілді: {version}-нұсқа',
    'applyReturns.lapsed.title': 'Өтінім конкурстан қайтарып алынды',
    'applyReturns.lapsed.text':
      'Өтінім сізге түзетуге {date} дейін қайта жіберу мерзімімен қайтарылған еді. Ол осы мерзімге дейін жіберілмегендіктен, конкурстан қайтарып алынды және қаралмайды.',
    'applyReturns.lapsed.reason': 'Түзетулер мерзімінде жіберілмеді',
  },
  ru: {
    'applyReturns.notice.title': 'Заявка возвращена вам на исправление',
    'applyReturns.notice.from': 'Сообщение менеджера программы:',
    'applyReturns.notice.answerBy': 'Исправьте заявку и отправьте её снова до {date}.',
    'applyReturns.notice.daysLeft': {
      one: 'Остался {count} день.',
      few: 'Осталось {count} дня.',
      many: 'Осталось {count} дней.',
      other: 'Осталось {count} дня.',
    },
    'applyReturns.notice.lastDay': 'Сегодня последний день.',
    'applyReturns.notice.keeps':
      'Номер заявки {reference} останется прежним. Если не отправить её до этого срока, заявка будет отозвана из конкурса.',
    'applyReturns.notice.check': 'Проверить и отправить снова',
    'applyReturns.notice.tooLate': 'Срок отправки исправлений истёк: заявку больше нельзя изменить.',
    'applyReturns.dashboard.task': 'Исправьте заявку «{title}» и отправьте её снова до {date}',
    'applyReturns.check.lead':
      'Ваши исправления станут новой версией заявки {reference}. Менеджер увидит, что вы изменили.',
    'applyReturns.check.resubmit': 'Отправить исправленную заявку',
    'applyReturns.check.tooLate': 'Срок отправки исправлений истёк, поэтому заявку отправить нельзя.',
    'applyReturns.timeline.resubmitted': 'Отправлена снова: версия {version}',
    'applyReturns.lapsed.title': 'Заявка отозвана из конкурса',
    'applyReturns.lapsed.text':
      'Заявка была возвращена вам на исправление со сроком повторной отправки до {date}. К этому сроку она не была отправлена, поэтому отозвана из конкурса и рассматриваться не будет.',
    'applyReturns.lapsed.reason': 'Исправления не отправлены в срок',
  },
  en: {
    'applyReturns.notice.title': 'Your application was returned to you for changes',
    'applyReturns.notice.from': 'Message from the programme manager:',
    'applyReturns.notice.answerBy': 'Change the application and send it again by {date}.',
    'applyReturns.notice.daysLeft': { one: '{count} day left.', other: '{count} days left.' },
    'applyReturns.notice.lastDay': 'Today is the last day.',
    'applyReturns.notice.keeps':
      'It keeps its reference {reference}. If you do not send it again by then, it is withdrawn from the competition.',
    'applyReturns.notice.check': 'Check it and send it again',
    'applyReturns.notice.tooLate': 'The date to send the changes has passed: the application can no longer be changed.',
    'applyReturns.dashboard.task': 'Change “{title}” and send it again by {date}',
    'applyReturns.check.lead':
      'Your changes become a new version of application {reference}. The manager sees what you changed.',
    'applyReturns.check.resubmit': 'Send the changed application',
    'applyReturns.check.tooLate': 'The date to send the changes has passed, so the application cannot be sent.',
    'applyReturns.timeline.resubmitted': 'Sent again: version {version}',
    'applyReturns.lapsed.title': 'The application was withdrawn from the competition',
    'applyReturns.lapsed.text':
      'It was returned to you for changes, to be sent again by {date}. It was not sent by then, so it was withdrawn from the competition and will not be reviewed.',
    'applyReturns.lapsed.reason': 'The changes were not sent by the date',
  },
});
