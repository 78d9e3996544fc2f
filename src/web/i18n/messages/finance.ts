import { defineMessages } from '../define-messages';

/** Finance officers: approved tranches to pay, and recording a payment. */
export const finance = defineMessages({
  kk: {
    'finance.nav': 'Қаржы',
    'finance.toPay.title': 'Төленетін транштар',
    'finance.toPay.lead':
      'Бекітілген, төлемін күтіп тұрған транштар, ең ертеде бекітілгені бірінші. Банк аударымды жасаған соң, оны осында тіркеңіз.',
    'finance.toPay.none': 'Төлемді күтіп тұрған транш жоқ.',
    'finance.toPay.count': 'Барлығы: {count}',
    'finance.toPay.pager': 'Төленетін транштардың беттері',
    'finance.col.competition': 'Конкурс',
    'finance.col.award': 'Грант және алушы',
    'finance.col.tranche': 'Транш',
    'finance.col.amount': 'Сомасы',
    'finance.col.approved': 'Бекітілген күні',
    'finance.col.action': 'Әрекет',
    'finance.toPay.record': 'Төлемді тіркеу',
    'finance.done.paid': 'Төлем тіркелді: {reference}, {tranche}.',
    'finance.pay.title': 'Транш төлемін тіркеу',
    'finance.pay.lead':
      'Аударымның деректерін банк көшірмесінен енгізіңіз. Төлем есеп кітабы мен аудит журналына жазылады, алушыға хат жіберіледі.',
    'finance.pay.back': 'Төленетін транштарға оралу',
    'finance.pay.grantee': 'Алушы',
    'finance.pay.bankReference.label': 'Банк аударымының нөмірі',
    'finance.pay.bankReference.hint': 'Банк көшірмесінде көрсетілгендей, мысалы PP-000123. Ең көбі 100 таңба.',
    'finance.pay.paidOn.label': 'Төлем күні',
    'finance.pay.paidOn.hint':
      'Аударымның валюталау күні, Алматы уақытымен: бүгіннен кеш емес және алушы грантты қабылдаған күннен ерте емес.',
    'finance.pay.submit': 'Төлемді тіркеу',
    'finance.pay.error.bankReference': 'Банк аударымының нөмірін енгізіңіз (ең көбі 100 таңба, басқару таңбаларынсыз)',
    'finance.pay.error.paidOn': 'Төлем күнін нақты күн ретінде енгізіңіз (ЖЖЖЖ-АА-КК)',
    'finance.pay.error.paidOnFuture': 'Төлем күні бүгіннен ({today}) кеш болмауы керек',
    'finance.pay.error.paidOnBeforeAcceptance':
      'Төлем күні алушы грантты қабылдаған күннен ({acceptedOn}) ерте болмауы керек',
    'finance.pay.problem.fourEyes':
      'Бұл траншты сіз бекіттіңіз, сондықтан оның төлемін сіз тіркей алмайсыз: оны басқа қаржы қызметкері тіркеуі керек. Ештеңе сақталмады.',
    'finance.pay.problem.notApproved':
      'Бұл транш енді төлемді күтпейді: оны біреу төлеп қойған немесе ол әлі бекітілмеген. Ештеңе сақталмады.',
    'finance.pay.problem.awardStatus':
      'Грант енді төлеуге болатын күйде емес (мысалы, оның күші жойылған). Ештеңе сақталмады.',
    'finance.pay.problem.funds': 'Қаражат жеткіліксіз: грант бойынша қалдық бұл соманы жаппайды. Ештеңе сақталмады.',
    'finance.pay.problem.formKey':
      'Бұл форма ескірген немесе бұзылған. Бетті қайта ашып, қайта жіберіңіз. Ештеңе сақталмады.',
    'finance.pay.problem.formUsed':
      'Бұл форма басқа деректермен жіберіліп қойған. Бетті қайта ашып, қайта жіберіңіз. Ештеңе сақталмады.',
    'finance.payments.link': 'Соңғы төлемдер',
    'finance.payments.title': 'Соңғы төлемдер',
    'finance.payments.lead':
      'Тіркелген төлемдер, ең соңғысы бірінші. Банк аударымды қайтарса, оны сәтсіз деп белгілеңіз: транш қайтадан төлеуге дайын болады.',
    'finance.payments.none': 'Әзірге тіркелген төлем жоқ.',
    'finance.payments.pager': 'Төлемдер тізімінің беттері',
    'finance.col.bankReference': 'Банк аударымы',
    'finance.col.paidOn': 'Төлем күні',
    'finance.col.status': 'Күйі',
    'finance.status.recorded': 'Тіркелді',
    'finance.status.failed': 'Сәтсіз: {reason}',
    'finance.payments.fail': 'Сәтсіз деп белгілеу',
    'finance.done.failed': 'Төлем сәтсіз деп белгіленді: {reference}. Транш қайтадан төлеуді күтеді.',
    'finance.failure.title': 'Сәтсіз аударымды тіркеу',
    'finance.failure.lead':
      'Есеп кітабында төлем кері қайтарылады, транш қайтадан бекітілген күйге оралып, оны қайта төлеуге болады.',
    'finance.failure.back': 'Соңғы төлемдерге оралу',
    'finance.failure.reason.label': 'Аударым неге сәтсіз болды?',
    'finance.failure.reason.hint': 'Мысалы: банк қайтарды, шот нөмірі қате. Ең көбі 2000 таңба.',
    'finance.failure.submit': 'Сәтсіз деп белгілеу',
    'finance.failure.error.reason': 'Аударымның неге сәтсіз болғанын жазыңыз (ең көбі 2000 таңба)',
    'finance.failure.problem.alreadyFailed': 'Бұл төлем сәтсіз деп белгіленіп қойған. Ештеңе сақталмады.',
  },
  ru: {
    'finance.nav': 'Финансы',
    'finance.toPay.title': 'К оплате',
    'finance.toPay.lead':
      'Утверждённые транши, ожидающие оплаты, сначала утверждённые раньше всех. Когда банк выполнит перевод, запишите его здесь.',
    'finance.toPay.none': 'Траншей, ожидающих оплаты, нет.',
    'finance.toPay.count': 'Всего: {count}',
    'finance.toPay.pager': 'Страницы списка «К оплате»',
    'finance.col.competition': 'Конкурс',
    'finance.col.award': 'Грант и получатель',
    'finance.col.tranche': 'Транш',
    'finance.col.amount': 'Сумма',
    'finance.col.approved': 'Утверждён',
    'finance.col.action': 'Действие',
    'finance.toPay.record': 'Записать оплату',
    'finance.done.paid': 'Оплата записана: {reference}, {tranche}.',
    'finance.pay.title': 'Запись оплаты транша',
    'finance.pay.lead':
      'Введите данные перевода из банковской выписки. Оплата попадёт в книгу учёта и журнал аудита, получателю уйдёт письмо.',
    'finance.pay.back': 'Назад к списку «К оплате»',
    'finance.pay.grantee': 'Получатель',
    'finance.pay.bankReference.label': 'Номер банковского перевода',
    'finance.pay.bankReference.hint': 'Как в банковской выписке, например PP-000123. Не более 100 символов.',
    'finance.pay.paidOn.label': 'Дата платежа',
    'finance.pay.paidOn.hint':
      'Дата валютирования перевода по времени Алматы: не позже сегодняшней и не раньше дня, когда получатель принял грант.',
    'finance.pay.submit': 'Записать оплату',
    'finance.pay.error.bankReference':
      'Введите номер банковского перевода (не более 100 символов, без управляющих символов)',
    'finance.pay.error.paidOn': 'Введите дату платежа как настоящую дату (ГГГГ-ММ-ДД)',
    'finance.pay.error.paidOnFuture': 'Дата платежа не может быть позже сегодняшней ({today})',
    'finance.pay.error.paidOnBeforeAcceptance':
      'Дата платежа не может быть раньше дня, когда получатель принял грант ({acceptedOn})',
    'finance.pay.problem.fourEyes':
      'Этот транш утвердили вы, поэтому записать его оплату вы не можете: это должен сделать другой сотрудник финансов. Ничего не сохранено.',
    'finance.pay.problem.notApproved':
      'Этот транш больше не ждёт оплаты: его уже оплатили или он ещё не утверждён. Ничего не сохранено.',
    'finance.pay.problem.awardStatus':
      'Статус гранта больше не позволяет оплату (например, грант отменён). Ничего не сохранено.',
    'finance.pay.problem.funds': 'Недостаточно средств: остаток по гранту не покрывает эту сумму. Ничего не сохранено.',
    'finance.pay.problem.formKey':
      'Форма устарела или повреждена. Откройте страницу заново и отправьте ещё раз. Ничего не сохранено.',
    'finance.pay.problem.formUsed':
      'Эта форма уже была отправлена с другими данными. Откройте страницу заново и отправьте ещё раз. Ничего не сохранено.',
    'finance.payments.link': 'Последние платежи',
    'finance.payments.title': 'Последние платежи',
    'finance.payments.lead':
      'Записанные платежи, сначала последние. Если банк вернул перевод, отметьте его как неуспешный: транш снова будет ждать оплаты.',
    'finance.payments.none': 'Записанных платежей пока нет.',
    'finance.payments.pager': 'Страницы списка платежей',
    'finance.col.bankReference': 'Банковский перевод',
    'finance.col.paidOn': 'Дата платежа',
    'finance.col.status': 'Статус',
    'finance.status.recorded': 'Записан',
    'finance.status.failed': 'Неуспешный: {reason}',
    'finance.payments.fail': 'Отметить как неуспешный',
    'finance.done.failed': 'Платёж отмечен как неуспешный: {reference}. Транш снова ждёт оплаты.',
    'finance.failure.title': 'Запись неуспешного перевода',
    'finance.failure.lead':
      'В книге учёта платёж будет сторнирован, транш вернётся в статус «утверждён», и его можно будет оплатить заново.',
    'finance.failure.back': 'Назад к последним платежам',
    'finance.failure.reason.label': 'Почему перевод не прошёл?',
    'finance.failure.reason.hint': 'Например: банк вернул перевод, неверный номер счёта. Не более 2000 символов.',
    'finance.failure.submit': 'Отметить как неуспешный',
    'finance.failure.error.reason': 'Напишите, почему перевод не прошёл (не более 2000 символов)',
    'finance.failure.problem.alreadyFailed': 'Этот платёж уже отмечен как неуспешный. Ничего не сохранено.',
  },
  en: {
    'finance.nav': 'Finance',
    'finance.toPay.title': 'To pay',
    'finance.toPay.lead':
      'Approved tranches waiting for payment, the longest waiting first. Once the bank has made a transfer, record it here.',
    'finance.toPay.none': 'No tranche is waiting for payment.',
    'finance.toPay.count': 'In all: {count}',
    'finance.toPay.pager': 'Pages of the tranches to pay',
    'finance.col.competition': 'Competition',
    'finance.col.award': 'Award and grantee',
    'finance.col.tranche': 'Tranche',
    'finance.col.amount': 'Amount',
    'finance.col.approved': 'Approved on',
    'finance.col.action': 'Action',
    'finance.toPay.record': 'Record payment',
    'finance.done.paid': 'Payment recorded: {reference}, {tranche}.',
    'finance.pay.title': 'Record a tranche payment',
    'finance.pay.lead':
      'Enter the transfer as the bank statement shows it. The payment goes into the ledger and the audit log, and the grantee gets a mail.',
    'finance.pay.back': 'Back to To pay',
    'finance.pay.grantee': 'Grantee',
    'finance.pay.bankReference.label': 'Bank reference',
    'finance.pay.bankReference.hint': 'As the bank statement shows it, such as PP-000123. At most 100 characters.',
    'finance.pay.paidOn.label': 'Paid on',
    'finance.pay.paidOn.hint':
      'The value date of the transfer, in Almaty time: not after today, and not before the grantee accepted the award.',
    'finance.pay.submit': 'Record payment',
    'finance.pay.error.bankReference': 'Enter the bank reference (at most 100 characters, no control characters)',
    'finance.pay.error.paidOn': 'Enter the payment date as a real date (YYYY-MM-DD)',
    'finance.pay.error.paidOnFuture': 'The payment date cannot be after today ({today})',
    'finance.pay.error.paidOnBeforeAcceptance':
      'The payment date cannot be before the grantee accepted the award ({acceptedOn})',
    'finance.pay.problem.fourEyes':
      'You approved this tranche, so you cannot record its payment: another finance officer must. Nothing was saved.',
    'finance.pay.problem.notApproved':
      'This tranche is no longer waiting for payment: it has been paid already, or it is not approved yet. Nothing was saved.',
    'finance.pay.problem.awardStatus':
      'The award is no longer in a status that allows payment (it was cancelled, say). Nothing was saved.',
    'finance.pay.problem.funds':
      'Not enough left: what the award still owes does not cover this amount. Nothing was saved.',
    'finance.pay.problem.formKey':
      'This form is out of date or damaged. Open the page again and send it anew. Nothing was saved.',
    'finance.pay.problem.formUsed':
      'This form was already sent with other values. Open the page again and send it anew. Nothing was saved.',
    'finance.payments.link': 'Recent payments',
    'finance.payments.title': 'Recent payments',
    'finance.payments.lead':
      'Recorded payments, newest first. If the bank returned a transfer, mark it as failed: the tranche waits for payment again.',
    'finance.payments.none': 'No payment has been recorded yet.',
    'finance.payments.pager': 'Pages of the payments',
    'finance.col.bankReference': 'Bank reference',
    'finance.col.paidOn': 'Paid on',
    'finance.col.status': 'Status',
    'finance.status.recorded': 'Recorded',
    'finance.status.failed': 'Failed: {reason}',
    'finance.payments.fail': 'Mark as failed',
    'finance.done.failed': 'Payment marked as failed: {reference}. The tranche waits for payment again.',
    'finance.failure.title': 'Record a failed transfer',
    'finance.failure.lead':
      'The ledger reverses the payment, and the tranche goes back to approved so that it can be paid anew.',
    'finance.failure.back': 'Back to recent payments',
    'finance.failure.reason.label': 'Why did the transfer fail?',
    'finance.failure.reason.hint': 'Such as: returned by the bank, wrong account number. At most 2000 characters.',
    'finance.failure.submit': 'Mark as failed',
    'finance.failure.error.reason': 'Write why the transfer failed (at most 2000 characters)',
    'finance.failure.problem.alreadyFailed': 'This payment has already been marked as failed. Nothing was saved.',
  },
});
