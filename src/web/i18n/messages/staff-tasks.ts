import { defineMessages } from '../define-messages';

/** "My tasks" on the staff pages: what waits, by kind, with a count (StaffTasksService). */
export const staffTasks = defineMessages({
  kk: {
    'staffTasks.title': 'Менің тапсырмаларым',
    'staffTasks.none': 'Қазір сізді ештеңе күтіп тұрған жоқ.',
    'staffTasks.approvals': 'Сіз бекітуге тиіс грант ұсыныстары',
    'staffTasks.reports': 'Тексерілетін кезең есептері',
    'staffTasks.screening': 'Сәйкестігі тексерілетін өтінімдер',
    'staffTasks.answered': 'Түзетілген соң қайта берілген өтінімдер',
    'staffTasks.payments': 'Төлеуді күтетін транштар',
    'staffTasks.failedRuns': 'Орындалмаған сарапшыларды бөлу',
    'staffTasks.conflicts': 'Растауды күтетін мүдделер қақтығысы туралы мәлімдемелер',
    'staffTasks.scoring': 'Аяқталмаған бағалау парақтары',
    'staffTasks.digest': 'Бірдеңе күтіп тұрса, күн сайын таңертең осы тізім электрондық поштаңызға келеді.',
  },
  ru: {
    'staffTasks.title': 'Мои задачи',
    'staffTasks.none': 'Сейчас ничего не ждёт вашего решения.',
    'staffTasks.approvals': 'Предложения о грантах на ваше утверждение',
    'staffTasks.reports': 'Отчёты об этапах на проверку',
    'staffTasks.screening': 'Заявки на проверку соответствия',
    'staffTasks.answered': 'Заявки, поданные снова после возврата на доработку',
    'staffTasks.payments': 'Транши, ожидающие оплаты',
    'staffTasks.failedRuns': 'Распределения экспертов, которые не удалось выполнить',
    'staffTasks.conflicts': 'Декларации о конфликте интересов, которые нужно подтвердить',
    'staffTasks.scoring': 'Незавершённые оценочные листы',
    'staffTasks.digest': 'Когда что-то ждёт вас, этот список приходит на почту каждое утро.',
  },
  en: {
    'staffTasks.title': 'My tasks',
    'staffTasks.none': 'Nothing waits for you right now.',
    'staffTasks.approvals': 'Award proposals awaiting your approval',
    'staffTasks.reports': 'Milestone reports to review',
    'staffTasks.screening': 'Applications to screen',
    'staffTasks.answered': 'Applications sent again after a return for changes',
    'staffTasks.payments': 'Tranches waiting for payment',
    'staffTasks.failedRuns': 'Juror assignment runs that could not be completed',
    'staffTasks.conflicts': 'Conflict declarations to confirm',
    'staffTasks.scoring': 'Unfinished scoresheets',
    'staffTasks.digest': 'When something waits for you, this list comes by mail every morning.',
  },
});
