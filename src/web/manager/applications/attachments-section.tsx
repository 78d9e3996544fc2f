import { Attachment } from '../../../modules/attachments/entities/attachment.entity';
import { usePage } from '../../render/page-context';
import { CsrfField } from '../../ui/form';
import { TableScroll } from '../../ui/table-scroll';

const KB = 1024;

/**
 * The application's files: each opens (as a download), says whether it may reveal who applied,
 * and has a button that marks it the other way. Jurors of a blind round see only the files marked
 * as not identifying; every file starts as identifying.
 */
export function AttachmentsSection(props: { applicationId: string; files: Attachment[] }) {
  const { t } = usePage();
  const base = `/manage/applications/${props.applicationId}/attachments`;
  return (
    <>
      <h2 id="files">{t.t('managerApplications.files.title')}</h2>
      <p class="hint">{t.t('managerApplications.files.lead')}</p>
      {props.files.length === 0 ? (
        <p>{t.t('managerApplications.files.none')}</p>
      ) : (
        <TableScroll label={t.t('managerApplications.files.title')}>
          <table class="manager-table">
            <thead>
              <tr>
                <th scope="col">{t.t('managerApplications.files.name')}</th>
                <th scope="col" class="num">
                  {t.t('managerApplications.files.size')}
                </th>
                <th scope="col">{t.t('managerApplications.files.identifying')}</th>
                <th scope="col">{t.t('managerApplications.files.change')}</th>
              </tr>
            </thead>
            <tbody>
              {props.files.map((file) => (
                <tr>
                  <td>
                    <a href={`${base}/${file.id}`} download="">
                      {file.originalName}
                    </a>
                  </td>
                  <td class="num">
                    {t.t('managerApplications.files.kb', { count: Math.max(1, Math.round(file.size / KB)) })}
                  </td>
                  <td>
                    {file.identifying ? (
                      <strong class="tag warn">{t.t('managerApplications.files.yes')}</strong>
                    ) : (
                      <strong class="tag ok">{t.t('managerApplications.files.no')}</strong>
                    )}
                  </td>
                  <td>
                    <form class="inline-form" method="post" action={`${base}/${file.id}/identifying`}>
                      <CsrfField />
                      <input type="hidden" name="identifying" value={file.identifying ? 'no' : 'yes'} />
                      <button type="submit" class="button secondary">
                        {t.t(
                          file.identifying ? 'managerApplications.files.markNo' : 'managerApplications.files.markYes',
                        )}
                        <span class="visually-hidden"> {file.originalName}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
