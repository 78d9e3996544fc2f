import { ContentText, contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { describedBy, FieldError, FieldFrame, FieldProps, Select, TextField } from '../ui/form';

/** A village with its district's and region's names, as the geography module reads them. */
export interface VillageChoice {
  id: string;
  name: ContentText;
  districtName: ContentText;
  regionName: ContentText;
}

interface Group {
  label: string;
  villages: { id: string; name: string }[];
}

/** Villages grouped by district (with its region), each group and village in the reader's alphabet order. */
function groupVillages(choices: VillageChoice[], language: Parameters<typeof contentText>[1], locale: string): Group[] {
  const text = (value: ContentText) => contentText(value, language);
  const groups = new Map<string, Group & { region: string; district: string }>();
  for (const choice of choices) {
    const region = text(choice.regionName);
    const district = text(choice.districtName);
    const key = `${region}\u0000${district}`;
    let group = groups.get(key);
    if (!group) {
      group = { label: `${district} (${region})`, region, district, villages: [] };
      groups.set(key, group);
    }
    group.villages.push({ id: choice.id, name: text(choice.name) });
  }
  const compare = (a: string, b: string) => a.localeCompare(b, locale);
  const sorted = [...groups.values()].sort((a, b) => compare(a.region, b.region) || compare(a.district, b.district));
  for (const group of sorted) group.villages.sort((a, b) => compare(a.name, b.name));
  return sorted;
}

/**
 * The home village: one select with a group per district, so it works without JavaScript; the
 * browser's own type-to-find narrows it.
 */
export function VillageSelect(
  props: FieldProps & { value?: string; choices: VillageChoice[]; placeholder: string; hideEmpty?: boolean },
) {
  const { language, t } = usePage();
  const invalid = props.errors?.some((e) => e.field === props.name);
  return (
    <FieldFrame {...props}>
      <select
        id={props.name}
        name={props.name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {!(props.hideEmpty && props.value) && <option value="">{props.placeholder}</option>}
        {groupVillages(props.choices, language, t.locale).map((group) => (
          <optgroup label={group.label}>
            {group.villages.map((village) => (
              <option value={village.id} selected={village.id === props.value}>
                {village.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

export const LANGUAGE_OPTIONS = [
  { value: 'kk', label: 'Қазақша' },
  { value: 'ru', label: 'Русский' },
  { value: 'en', label: 'English' },
];

/** Phone, language and home village: the same three fields on the registration and profile forms. */
export function PhoneLanguageVillageFields(props: {
  form: { phone: string; preferredLanguage: string; homeVillageId: string };
  villages: VillageChoice[];
  errors: FieldError[];
  village: { placeholder: string; hint?: string; hideEmpty?: boolean };
}) {
  const { t } = usePage();
  return (
    <>
      <TextField
        name="phone"
        type="tel"
        label={t.t('account.field.phone')}
        hint={t.t('account.field.phoneHint')}
        value={props.form.phone}
        autocomplete="tel"
        maxLength={20}
        errors={props.errors}
      />
      <Select
        name="preferredLanguage"
        label={t.t('account.field.language')}
        value={props.form.preferredLanguage}
        options={LANGUAGE_OPTIONS}
        errors={props.errors}
      />
      <VillageSelect
        name="homeVillageId"
        label={t.t('account.field.village')}
        hint={props.village.hint}
        placeholder={props.village.placeholder}
        value={props.form.homeVillageId}
        choices={props.villages}
        hideEmpty={props.village.hideEmpty}
        errors={props.errors}
      />
    </>
  );
}
