import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AwardFilesService } from '../../modules/awards/award-files.service';
import { MilestoneReportsService } from '../../modules/awards/milestone-reports.service';
import { IncomingFile } from '../../modules/stored-files/incoming-file';
import { granteeActor } from './grantee-actor';
import { CheckedReport } from './report-form';

export type SendOutcome =
  | { sent: true; reportId: string }
  /** Refused: the files uploaded before the refusal stay on the award and go with the next try. */
  | { sent: false; error: DomainError; fileName: string | null; keptFileIds: string[] };

/**
 * Sends a milestone report from the web form in the JSON API's two steps: each photo or receipt is
 * uploaded to the award (POST /awards/:id/files), then the report names them
 * (POST /tranches/:id/reports). A refusal of either is handed back for the form to show.
 */
@Injectable()
export class ReportSender {
  constructor(
    private readonly files: AwardFilesService,
    private readonly reports: MilestoneReportsService,
  ) {}

  async send(
    userId: string,
    awardId: string,
    trancheId: string,
    report: CheckedReport,
    keptFileIds: string[],
    uploads: IncomingFile[],
  ): Promise<SendOutcome> {
    const actor = granteeActor(userId);
    const fileIds = [...keptFileIds];
    for (const upload of uploads) {
      try {
        fileIds.push((await this.files.upload(actor, awardId, upload)).id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return { sent: false, error, fileName: upload.name, keptFileIds: fileIds };
      }
    }
    try {
      const sent = await this.reports.submit(actor, trancheId, { ...report, fileIds });
      return { sent: true, reportId: sent.id };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { sent: false, error, fileName: null, keptFileIds: fileIds };
    }
  }
}
