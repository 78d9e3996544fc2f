import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const CompetitionErrors = defineErrors('COMPETITION', {
  NOT_FOUND: { kind: 'not_found', message: 'Competition not found' },
  RULES_FROZEN: { kind: 'conflict', message: 'The rules are frozen once the competition opens' },
  WRONG_STATUS: { kind: 'conflict', message: 'The competition is not in a status that allows this' },
  INVALID_RULES: { kind: 'rule', message: 'The competition rules are inconsistent' },
  NOT_READY_TO_OPEN: { kind: 'rule', message: 'The competition cannot open yet' },
  PLACE_NOT_FOUND: { kind: 'rule', message: 'An eligible village or district does not exist' },
  CODE_TAKEN: { kind: 'conflict', message: 'Another competition already has this short code' },
});

registerConstraintErrors({
  UQ_competitions_code: CompetitionErrors.CODE_TAKEN,
  CK_competitions_amounts: CompetitionErrors.INVALID_RULES,
  CK_competitions_dates: CompetitionErrors.INVALID_RULES,
  FK_competition_villages_village: CompetitionErrors.PLACE_NOT_FOUND,
  FK_competition_districts_district: CompetitionErrors.PLACE_NOT_FOUND,
  FK_competition_envelopes_district: CompetitionErrors.PLACE_NOT_FOUND,
  FK_competition_envelopes_village: CompetitionErrors.PLACE_NOT_FOUND,
});
