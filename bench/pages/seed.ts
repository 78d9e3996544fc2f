import { INestApplication } from '@nestjs/common';
import { CompetitionLifecycleService } from '../../src/modules/competitions/competition-lifecycle.service';
import { CompetitionsService } from '../../src/modules/competitions/competitions.service';
import { CreateCompetitionDto } from '../../src/modules/competitions/dto/competition.dto';
import { GeographyService } from '../../src/modules/geography/geography.service';
import { PlansService } from '../../src/modules/plans/plans.service';
import { UsersService } from '../../src/modules/users/users.service';

const DAY = 24 * 3600 * 1000;
const OPEN_COMPETITIONS = 6;

/** About a page of text a manager might write about a competition, in Kazakh and Russian. */
const DESCRIPTION_KK =
  'Ауылдың даму жоспарындағы мақсаттарға сай шағын бизнеске грант. Өтінім беруші жобаның құнының ' +
  'кемінде 20 пайызын өз қаражатынан салады, жаңа жұмыс орындарын ашады және екі жыл бойы есеп береді. ' +
  'Өтінімдерді тәуелсіз сарапшылар бағалайды; барлық шешімдер мен бағалар ашық жарияланады.';
const DESCRIPTION_RU =
  'Грант малому бизнесу, который служит целям плана развития села. Заявитель вкладывает не менее ' +
  '20 процентов стоимости проекта из своих средств, создаёт новые рабочие места и два года отчитывается. ' +
  'Заявки оценивают независимые эксперты; все решения и оценки публикуются.';

export interface PublicSite {
  /** The first open competition (the public pages show it). */
  competitionId: string;
  competitionIds: string[];
  villageId: string;
  goalId: string;
  adminId: string;
  managerId: string;
}

/** An admin, a manager, one village with an adopted plan and a few open competitions: what the public pages show. */
export async function seedPublicSite(app: INestApplication): Promise<PublicSite> {
  const users = app.get(UsersService);
  const person = (email: string, role: 'admin' | 'manager') =>
    users.create(
      { email, password: 'bench-password-1', fullName: 'Bench', preferredLanguage: 'kk', roles: [role] },
      null,
    );
  const admin = await person('bench-pages-admin@example.kz', 'admin');
  const manager = await person('bench-pages-manager@example.kz', 'manager');
  const geography = app.get(GeographyService);
  const region = await geography.createRegion(admin.id, {
    name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область' },
  });
  const district = await geography.createDistrict(admin.id, {
    regionId: region.id,
    name: { kk: 'Түпқараған ауданы', ru: 'Тупкараганский район' },
  });
  const village = await geography.createVillage(admin.id, {
    districtId: district.id,
    name: { kk: 'Таушық', ru: 'Таушик' },
  });
  const plans = app.get(PlansService);
  const plan = await plans.create(admin.id, village.id, {
    title: 'Таушық ауылының даму жоспары',
    periodStart: 2026,
    periodEnd: 2030,
    goals: [{ code: 'G1', title: { kk: 'Жастарға жұмыс', ru: 'Работа для молодёжи' }, priority: 1 }],
  });
  await plans.adopt(admin.id, plan.id);
  const [goal] = (await plans.adoptedOfVillage(village.id)).goals ?? [];
  const competitions = app.get(CompetitionsService);
  const lifecycle = app.get(CompetitionLifecycleService);
  const ids: string[] = [];
  for (let i = 1; i <= OPEN_COMPETITIONS; i += 1) {
    const input = Object.assign(new CreateCompetitionDto(), {
      code: `BPAGE${i}`,
      title: {
        kk: `Start Up ${2026 + (i % 2)}: ауыл кәсіпкерлігі, ${i}-кезең`,
        ru: `Start Up ${2026 + (i % 2)}: сельское предпринимательство, этап ${i}`,
      },
      description: { kk: DESCRIPTION_KK, ru: DESCRIPTION_RU },
      budget: '10000000000',
      minAward: '50000000',
      maxAward: '300000000',
      minOwnShareBp: 2000,
      maxApplicationsPerApplicant: 1,
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + (10 + i) * DAY),
      eligibleVillageIds: [village.id],
    });
    ids.push((await lifecycle.open(manager.id, (await competitions.create(manager.id, input)).id)).id);
  }
  return {
    competitionId: ids[0],
    competitionIds: ids,
    villageId: village.id,
    goalId: goal.id,
    adminId: admin.id,
    managerId: manager.id,
  };
}
