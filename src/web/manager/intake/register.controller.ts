import { Body, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CurrentUser, Roles } from '../../../common/auth/access.decorators';
import { AuthUser } from '../../../common/auth/role';
import { AssistedRegistrationService } from '../../../modules/auth/assisted-registration.service';
import { WalkInApplicantDto } from '../../../modules/auth/dto/auth.dto';
import { GeographyService } from '../../../modules/geography/geography.service';
import { parseContact } from '../../../modules/users/domain/contact';
import { fixableError, optional, PERSON_FIELD_LIMITS, PERSON_FIELD_MESSAGES } from '../../account/account-forms';
import { readForm } from '../../render/form-input';
import { validateForm } from '../../render/validate-form';
import { page, PageResult, RedirectResult, seeOther } from '../../render/web-result';
import { WebRequest } from '../../session/web-request';
import { FieldError } from '../../ui/form';
import { WebController } from '../../web-controller';
import { IntakeViews } from './intake-views';
import { RegisterWalkInPage, WalkInForm } from './register.page';

const FIELDS = ['fullName', 'email', 'phone', 'preferredLanguage', 'homeVillageId'] as const;
const { password: _password, ...MESSAGES } = PERSON_FIELD_MESSAGES;

/**
 * A walk-in applicant with no account: the manager registers them (the same field rules as
 * registration, less the password), then finds them on the intake page to start the draft.
 */
@WebController()
export class RegisterWalkInController {
  constructor(
    private readonly views: IntakeViews,
    private readonly registration: AssistedRegistrationService,
    private readonly geography: GeographyService,
  ) {}

  @Get('manage/competitions/:id/intake/register')
  @Roles('manager')
  async registerPage(
    @Param('id') id: string,
    @Req() request: WebRequest,
    @Query('contact') contactQuery?: unknown,
  ): Promise<PageResult> {
    const data = await this.views.competition(id);
    const contact = parseContact(typeof contactQuery === 'string' ? contactQuery : '');
    const form: WalkInForm = {
      fullName: '',
      email: contact && 'email' in contact ? contact.email : '',
      phone: contact && 'phoneDigits' in contact ? `+${contact.phoneDigits}` : '',
      preferredLanguage: request.web?.language ?? 'kk',
      homeVillageId: '',
    };
    return page(RegisterWalkInPage, { data, form, villages: await this.geography.villageChoices(), errors: [] });
  }

  @Post('manage/competitions/:id/intake/register')
  @Roles('manager')
  @HttpCode(200)
  async register(
    @CurrentUser() actor: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<PageResult | RedirectResult> {
    const form = readForm(body, FIELDS, 1000);
    const data = await this.views.competition(id);
    const { value, errors } = validateForm(
      WalkInApplicantDto,
      { ...form, phone: optional(form.phone) },
      MESSAGES,
      PERSON_FIELD_LIMITS,
    );
    const again = async (status: number, shown: FieldError[]) =>
      page(RegisterWalkInPage, { data, form, villages: await this.geography.villageChoices(), errors: shown }, status);
    if (errors.length) return again(400, errors);
    try {
      const user = await this.registration.registerApplicant(actor, value);
      return seeOther(
        `/manage/competitions/${data.competition.id}/intake?contact=${encodeURIComponent(user.email)}&registered=1`,
      );
    } catch (error) {
      const fixable = fixableError(error);
      if (fixable) return again(422, [fixable]);
      throw error;
    }
  }
}
