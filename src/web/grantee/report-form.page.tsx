import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox, TextArea, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { ReportFormData } from './grantee-awards.reader';
import { KeptFile } from './grantee-view';
import { MAX_UPLOADS, ReportFormValues } from './report-form';
import { MAX_REPORT_BODY } from '../../modules/awards/dto/report.dto';

const MB = 1024 * 1024;

export interface ReportFormProps {
  data: ReportFormData;
  values: ReportFormValues;
  errors: FieldError[];
  /** Files uploaded by an earlier try of this form, sent with the report. */
  kept: KeptFile[];
  maxFileBytes: number;
  /** A refusal that is not about one field (the tranche was reported on meanwhile, say). */
  problemKey?: MessageKey;
}

function FilesField(props: { errors: FieldError[]; kept: KeptFile[]; maxFileBytes: number }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === 'files');
  const described = ['files-hint', error ? 'files-error' : null].filter(Boolean).join(' ');
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <label for="files">{t.t('grantee.report.files')}</label>
      <span class="hint" id="files-hint">
        {t.t('grantee.report.filesHint', { size: t.number(props.maxFileBytes / MB), max: MAX_UPLOADS })}
      </span>
      {error && (
        <span class="field-error" id="files-error">
          {t.t(error.message, error.params)}
        </span>
      )}
      {props.kept.length > 0 && (
        <>
          <p>{t.t('grantee.report.kept')}</p>
          <ul>
            {props.kept.map((file) => (
              <li>{file.name}</li>
            ))}
          </ul>
          <input type="hidden" name="keptFiles" value={props.kept.map((f) => f.id).join(',')} />
        </>
      )}
      <input
        id="files"
        name="files"
        type="file"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        aria-describedby={described}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

/** A milestone report for one tranche: what was done, jobs, spending per budget line, photos and receipts. */
export function ReportFormPage(props: ReportFormProps) {
  const { t, language, csrfToken } = usePage();
  const { award, tranche, budgetLines, returned } = props.data;
  const label = contentText(tranche.label, language);
  const title = t.t('grantee.report.title', { tranche: label });
  const action = `/awards/${award.id}/tranches/${tranche.id}/report?_csrf=${encodeURIComponent(csrfToken)}`;
  return (
    <Layout title={title}>
      <nav class="breadcrumbs" aria-label={t.t('grantee.breadcrumbs')}>
        <a href="/applications">{t.t('common.nav.myApplications')}</a>
        {' › '}
        <a href={`/awards/${award.id}`}>{t.t('grantee.award.title', { reference: award.reference })}</a>
      </nav>
      <ErrorSummary errors={props.errors} />
      <ProblemBox message={props.problemKey} />
      <h1>{title}</h1>
      <p class="lead">
        {t.t('grantee.report.lead', { amount: t.money(tranche.amount) })}
        {tranche.dueAt && <> {t.t('grantee.tranche.reportDue', { date: t.date(tranche.dueAt) })}</>}
      </p>
      {returned?.reviewComment && (
        <div class="notice">
          <p>
            <strong>{t.t('grantee.report.returnedComment')}</strong>
          </p>
          <p>{returned.reviewComment}</p>
        </div>
      )}
      {!tranche.canReport ? (
        <p class="notice">{t.t('grantee.report.notNow')}</p>
      ) : (
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <CsrfField />
          <TextArea
            name="body"
            label={t.t('grantee.report.body')}
            hint={t.t('grantee.report.bodyHint')}
            value={props.values.body}
            maxLength={MAX_REPORT_BODY}
            errors={props.errors}
          />
          <TextField
            name="jobsCreated"
            label={t.t('grantee.report.jobs')}
            hint={t.t('grantee.report.jobsHint')}
            value={props.values.jobsCreated}
            inputMode="numeric"
            maxLength={6}
            errors={props.errors}
          />
          <fieldset>
            <legend>{t.t('grantee.report.spending')}</legend>
            <p class="hint">{t.t('grantee.report.spendingHint')}</p>
            {budgetLines.map((line, index) => (
              <TextField
                name={`spending-${index}`}
                label={line.description ? `${line.category}: ${line.description}` : line.category}
                hint={t.t('grantee.report.planned', { amount: t.money(line.amount) })}
                value={props.values.spending[index]}
                inputMode="decimal"
                maxLength={20}
                errors={props.errors}
              />
            ))}
          </fieldset>
          <FilesField errors={props.errors} kept={props.kept} maxFileBytes={props.maxFileBytes} />
          <button class="button" type="submit">
            {t.t('grantee.report.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
