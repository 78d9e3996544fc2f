import { Attachment } from '../../modules/attachments/entities/attachment.entity';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, FieldError } from '../ui/form';
import { StepFrame } from './applicant-ui';

export interface UploadLimits {
  maxBytes: number;
  maxCount: number;
  quotaBytes: number;
}

const MB = 1024 * 1024;

/**
 * The draft's documents: what is there (each with a remove button), the limits said before the
 * upload, and a plain multipart form. Its body is read only after the CSRF check, so the token
 * travels in the form's address.
 */
export function AttachmentsPage(props: {
  applicationId: string;
  files: Attachment[];
  limits: UploadLimits;
  errors: FieldError[];
  notice?: MessageKey;
}) {
  const { t, csrfToken } = usePage();
  const size = (bytes: number) => t.t('applySteps.files.megabytes', { count: Math.round((bytes / MB) * 10) / 10 });
  const error = props.errors.find((e) => e.field === 'file');
  const base = `/applications/${props.applicationId}/attachments`;
  return (
    <StepFrame title={t.t('apply.task.files')} applicationId={props.applicationId} errors={props.errors}>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(props.notice)}
        </p>
      )}
      <p>{t.t('applySteps.files.lead')}</p>
      <h2>{t.t('applySteps.files.list')}</h2>
      {props.files.length === 0 ? (
        <p>{t.t('applySteps.files.none')}</p>
      ) : (
        <ul class="task-list">
          {props.files.map((file) => (
            <li>
              <span>
                {file.originalName} <span class="muted">({size(file.size)})</span>
              </span>
              <form class="inline-form" method="post" action={`${base}/${file.id}/remove`}>
                <CsrfField />
                <button class="button secondary" type="submit">
                  {t.t('applySteps.files.remove')}
                  <span class="visually-hidden"> {file.originalName}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}?_csrf=${encodeURIComponent(csrfToken)}`} enctype="multipart/form-data">
        <div class={error ? 'form-group has-error' : 'form-group'}>
          <label for="file">{t.t('applySteps.files.choose')}</label>
          <span class="hint" id="file-hint">
            {t.t('applySteps.files.rules', {
              size: size(props.limits.maxBytes),
              count: props.limits.maxCount,
              quota: size(props.limits.quotaBytes),
            })}{' '}
            {t.t('applySteps.files.heicHint')}
          </span>
          {error && (
            <span class="field-error" id="file-error">
              {t.t(error.message, error.params)}
            </span>
          )}
          <input
            type="file"
            id="file"
            name="file"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png"
            aria-describedby={error ? 'file-hint file-error' : 'file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button class="button" type="submit">
          {t.t('applySteps.files.upload')}
        </button>
      </form>
      <p>
        <a class="button secondary" href={`/applications/${props.applicationId}`}>
          {t.t('applySteps.backToTasks')}
        </a>
      </p>
    </StepFrame>
  );
}
