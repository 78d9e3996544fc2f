import { LANGUAGES } from '../../common/i18n/language';
import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const GeographyErrors = defineErrors('GEOGRAPHY', {
  REGION_NOT_FOUND: { kind: 'not_found', message: 'Region not found' },
  DISTRICT_NOT_FOUND: { kind: 'not_found', message: 'District not found' },
  VILLAGE_NOT_FOUND: { kind: 'not_found', message: 'Village not found' },
  NAME_TAKEN: { kind: 'conflict', message: 'A place with this name already exists there' },
  KATO_TAKEN: { kind: 'conflict', message: 'Another place has this KATO code' },
  PARENT_NOT_FOUND: { kind: 'rule', message: 'The parent region or district does not exist' },
});

registerConstraintErrors({
  // A name is unique within its parent in each of its languages.
  ...Object.fromEntries(
    ['regions', 'districts', 'villages'].flatMap((table) =>
      LANGUAGES.map((lang) => [`UQ_${table}_name_${lang}`, GeographyErrors.NAME_TAKEN]),
    ),
  ),
  UQ_regions_kato: GeographyErrors.KATO_TAKEN,
  UQ_districts_kato: GeographyErrors.KATO_TAKEN,
  UQ_villages_kato: GeographyErrors.KATO_TAKEN,
  FK_districts_region: GeographyErrors.PARENT_NOT_FOUND,
  FK_villages_district: GeographyErrors.PARENT_NOT_FOUND,
});
