import { SECTORS } from '../../modules/applications/domain/application-status';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { FieldError, Select, TextArea, TextField } from '../ui/form';
import { StepForm, StepFrame } from './applicant-ui';

export const PROJECT_FIELDS = [
  'title',
  'summary',
  'description',
  'sector',
  'jobsCreated',
  'plannedStart',
  'durationMonths',
] as const;
export type ProjectForm = Record<(typeof PROJECT_FIELDS)[number], string>;

/** The business idea: what, for whom, in which sector, how many jobs, when and for how long. */
export function ProjectPage(props: { applicationId: string; form: ProjectForm; errors: FieldError[] }) {
  const { t } = usePage();
  const { form, errors } = props;
  const title = t.t('apply.task.project');
  return (
    <StepFrame title={title} applicationId={props.applicationId} errors={errors}>
      <StepForm action={`/applications/${props.applicationId}/project`}>
        <TextField
          name="title"
          label={t.t('applySteps.project.titleLabel')}
          hint={t.t('applySteps.project.titleHint')}
          value={form.title}
          maxLength={200}
          errors={errors}
        />
        <TextArea
          name="summary"
          label={t.t('applySteps.project.summary')}
          hint={t.t('applySteps.project.summaryHint')}
          value={form.summary}
          maxLength={1000}
          rows={3}
          errors={errors}
        />
        <TextArea
          name="description"
          label={t.t('applySteps.project.description')}
          value={form.description}
          maxLength={20000}
          rows={8}
          errors={errors}
        />
        <Select
          name="sector"
          label={t.t('applySteps.project.sector')}
          value={form.sector}
          options={SECTORS.map((s) => ({ value: s, label: t.t(`applySteps.sector.${s}` as MessageKey) }))}
          errors={errors}
        />
        <TextField
          name="jobsCreated"
          label={t.t('applySteps.project.jobs')}
          value={form.jobsCreated}
          inputMode="numeric"
          maxLength={5}
          errors={errors}
        />
        <TextField
          name="plannedStart"
          type="date"
          label={t.t('applySteps.project.start')}
          value={form.plannedStart}
          errors={errors}
        />
        <TextField
          name="durationMonths"
          label={t.t('applySteps.project.duration')}
          value={form.durationMonths}
          inputMode="numeric"
          maxLength={3}
          errors={errors}
        />
        <button class="button" type="submit">
          {t.t('applySteps.save')}
        </button>
      </StepForm>
    </StepFrame>
  );
}
