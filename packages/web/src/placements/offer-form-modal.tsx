import {
  createOfferBodySchema,
  type Offer,
  PRACTICE_TYPES,
  type Region,
  updateOfferBodySchema,
} from '@kadr/contracts';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useOfferMutations } from '../api/placements';
import { useOrganisations } from '../api/resources';
import { useCompetencySearch } from '../competencies/api';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale, localized } from '../i18n';
import { useProgrammes } from '../programmes/api';
import { KZ_REGIONS, LOCALES } from '../api/vocabulary';

type Texts = { kk: string; ru: string; en: string };

/** The ending of the locale keys of a text in one language: `offers.titleKk` is the title in Kazakh. */
const IN_LANGUAGE = { kk: 'Kk', ru: 'Ru', en: 'En' } as const;

interface Draft {
  organisationId: string | null;
  title: Texts;
  description: Texts;
  practiceType: string | null;
  programmeIds: string[];
  eligibleYears: string[];
  competencies: { competencyId: number; label: string; level: number }[];
  prerequisites: Texts;
  capacity: number | '';
  startsOn: string;
  endsOn: string;
  location: Texts;
  region: Region | null;
  stipendKzt: number | '';
  dualSharePercent: number | '';
  mentorPayKzt: number | '';
  hiringIntention: boolean;
}

const EMPTY: Texts = { kk: '', ru: '', en: '' };

const draftOf = (o: Offer | null, locale: 'kk' | 'ru' | 'en'): Draft => ({
  organisationId: o ? String(o.organisationId) : null,
  title: o ? { ...o.title } : { ...EMPTY },
  description: o ? { ...o.description } : { ...EMPTY },
  practiceType: o?.practiceType ?? null,
  programmeIds: o?.programmes.map((p) => String(p.id)) ?? [],
  eligibleYears: o?.eligibleYears.map(String) ?? [],
  competencies:
    o?.competencies.map((c) => ({
      competencyId: c.competencyId,
      label: `${c.code} ${localized(c.name, locale)}`,
      level: c.level,
    })) ?? [],
  prerequisites: o ? { ...o.prerequisites } : { ...EMPTY },
  capacity: o?.capacity ?? '',
  startsOn: o?.startsOn ?? '',
  endsOn: o?.endsOn ?? '',
  location: o ? { ...o.location } : { ...EMPTY },
  region: o?.region ?? null,
  stipendKzt: o?.stipendTiyn == null ? '' : o.stipendTiyn / 100,
  dualSharePercent: o?.dualEnterpriseShare == null ? '' : Math.round(o.dualEnterpriseShare * 100),
  mentorPayKzt: o?.mentorPayTiyn == null ? '' : o.mentorPayTiyn / 100,
  hiringIntention: o?.hiringIntention ?? false,
});

const num = (v: number | '') => (v === '' ? undefined : v);
const money = (v: number | '') => (v === '' ? null : Math.round(v * 100));

function bodyOf(d: Draft) {
  const dual = d.practiceType === 'dual';
  return {
    title: d.title,
    description: d.description,
    practiceType: (d.practiceType ?? undefined) as never,
    programmeIds: d.programmeIds.map(Number),
    eligibleYears: d.eligibleYears.map(Number).sort((a, b) => a - b),
    competencies: d.competencies.map(({ competencyId, level }) => ({ competencyId, level })),
    prerequisites: d.prerequisites,
    capacity: num(d.capacity),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    location: d.location,
    region: d.region,
    stipendTiyn: money(d.stipendKzt),
    dualEnterpriseShare: dual && d.dualSharePercent !== '' ? d.dualSharePercent / 100 : null,
    mentorPayTiyn: dual ? money(d.mentorPayKzt) : null,
    hiringIntention: d.hiringIntention,
  };
}

/** Picks a competency by searching every framework, and adds it with a level. */
function CompetencyPicker({
  onAdd,
  exclude,
}: {
  onAdd: (id: number, label: string) => void;
  exclude: number[];
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [q, setQ] = useState('');
  // Choosing an option puts its label in the search box, which searches again (and finds nothing for "code name"):
  // the chosen option is kept so that it stays shown and Add adds it.
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const found = useCompetencySearch(q);
  const results = (found.data?.items ?? [])
    .filter((c) => !exclude.includes(c.id))
    .map((c) => ({ value: String(c.id), label: `${c.code} ${localized(c.name, locale)}` }));
  const options = picked && !results.some((o) => o.value === picked.value) ? [picked, ...results] : results;
  return (
    <Group align="flex-end">
      <Select
        label={t('offers.competencySearch')}
        searchable
        searchValue={q}
        onSearchChange={setQ}
        data={options}
        value={picked?.value ?? null}
        onChange={(value) => setPicked(options.find((o) => o.value === value) ?? null)}
        nothingFoundMessage={t('offers.noCompetency')}
        w={320}
      />
      <Button
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        disabled={!picked}
        onClick={() => {
          if (picked) onAdd(Number(picked.value), picked.label);
          setPicked(null);
          setQ('');
        }}
      >
        {t('offers.addCompetency')}
      </Button>
    </Group>
  );
}

/**
 * Drafts or edits a practice offer: titles and descriptions in the languages the partner writes (one at least),
 * type, programmes and years, competencies with levels, prerequisites, capacity, period, place, stipend, and the
 * dual-education terms for dual practice. Staff choose the partner; a partner posts for itself.
 */
export function OfferFormModal({
  opened,
  offer,
  onClose,
}: {
  opened: boolean;
  offer: Offer | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const staff = me?.role !== 'partner';
  const organisations = useOrganisations(
    { pageSize: 200, kind: 'company', sort: 'shortName' },
    opened && staff && !offer,
  );
  const programmes = useProgrammes({ pageSize: 200, sort: 'code' });
  const form = useRecordForm({
    opened,
    record: offer,
    mutations: useOfferMutations(),
    init: (o) => draftOf(o, locale),
    schemas: { create: createOfferBodySchema, patch: updateOfferBodySchema },
    bodies: {
      create: (d) => ({
        ...bodyOf(d),
        ...(staff ? { organisationId: d.organisationId ? Number(d.organisationId) : undefined } : {}),
      }),
      patch: bodyOf,
    },
    text: {
      create: t('offers.createTitle'),
      edit: t('offers.editTitle'),
      created: t('offers.created'),
      saved: t('offers.saved'),
    },
    onClose,
  });
  const { field, draft, set, error } = form;
  const texts = (key: 'title' | 'description' | 'prerequisites', lang: keyof Texts) => ({
    value: draft[key][lang],
    onChange: (e: { currentTarget: { value: string } }) =>
      set(key, { ...draft[key], [lang]: e.currentTarget.value }),
  });

  return (
    <RecordFormModal form={form} testId="offer-form" size="xl">
      {staff && !offer ? (
        <Select
          label={t('offers.organisation')}
          required
          searchable
          data={(organisations.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))}
          {...field('organisationId')}
          data-autofocus
        />
      ) : null}
      <Fieldset legend={t('offers.titles')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('offers.languagesHint')}
        </Text>
        <Stack gap="sm">
          {LOCALES.map((lang) => (
            <TextInput
              key={lang}
              label={t(`offers.title${IN_LANGUAGE[lang]}`)}
              lang={lang}
              maxLength={300}
              {...texts('title', lang)}
              // The rule is "a title in one language at least": its message stands under the first.
              error={lang === 'kk' ? error('title') : undefined}
            />
          ))}
          {LOCALES.map((lang) => (
            <Textarea
              key={lang}
              label={t(`offers.description${IN_LANGUAGE[lang]}`)}
              lang={lang}
              autosize
              minRows={2}
              {...texts('description', lang)}
            />
          ))}
        </Stack>
      </Fieldset>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('offers.practiceType')}
          required
          data={PRACTICE_TYPES.map((p) => ({ value: p, label: t(`practiceTypes.${p}`) }))}
          {...field('practiceType')}
        />
        <NumberInput
          label={t('offers.capacity')}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          {...field('capacity')}
        />
        <TextInput label={t('offers.startsOn')} type="date" required {...field('startsOn')} />
        <TextInput label={t('offers.endsOn')} type="date" required {...field('endsOn')} />
        <Select
          label={t('offers.region')}
          description={t('offers.regionHint')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          data={KZ_REGIONS.map((r) => ({ value: r, label: t(`demand.regions.${r}`) }))}
          value={draft.region}
          onChange={(value) => set('region', value as Region | null)}
          error={error('region')}
        />
        <MultiSelect
          label={t('offers.programmes')}
          description={t('offers.programmesHint')}
          searchable
          data={(programmes.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: `${p.code} ${localized(p.name, locale)}`,
          }))}
          {...field('programmeIds')}
        />
        <MultiSelect
          label={t('offers.years')}
          description={t('offers.yearsHint')}
          data={['1', '2', '3', '4', '5', '6'].map((y) => ({
            value: y,
            label: t('offers.year', { year: y }),
          }))}
          {...field('eligibleYears')}
        />
        <NumberInput
          label={t('offers.stipend')}
          description={t('offers.stipendHint')}
          min={0}
          thousandSeparator=" "
          {...field('stipendKzt', 'stipendTiyn')}
        />
      </SimpleGrid>
      <TrilingualFields
        {...trilingualProps(form, 'location')}
        legend={t('offers.location')}
        required={false}
        maxLength={300}
      />
      <Fieldset legend={t('offers.prerequisites')}>
        <Stack gap="sm">
          {LOCALES.map((lang) => (
            <Textarea
              key={lang}
              label={t(`trilingual.${lang}`)}
              lang={lang}
              autosize
              minRows={2}
              maxLength={4000}
              {...texts('prerequisites', lang)}
              error={error(`prerequisites.${lang}`)}
            />
          ))}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('offers.competencies')}>
        <Stack gap="xs">
          {draft.competencies.map((c, i) => (
            <Group key={c.competencyId} justify="space-between" wrap="nowrap">
              <Text size="sm">{c.label}</Text>
              <Group gap="xs" wrap="nowrap">
                <NumberInput
                  aria-label={t('offers.levelOf', { competency: c.label })}
                  min={1}
                  max={5}
                  w={90}
                  allowDecimal={false}
                  value={c.level}
                  onChange={(v) =>
                    set(
                      'competencies',
                      draft.competencies.map((x, j) =>
                        j === i ? { ...x, level: typeof v === 'number' ? v : 1 } : x,
                      ),
                    )
                  }
                  error={error(`competencies.${i}.level`)}
                />
                <ActionIcon
                  variant="default"
                  aria-label={t('offers.removeCompetency', { competency: c.label })}
                  onClick={() =>
                    set(
                      'competencies',
                      draft.competencies.filter((_, j) => j !== i),
                    )
                  }
                >
                  <IconX size={14} aria-hidden="true" />
                </ActionIcon>
              </Group>
            </Group>
          ))}
          <CompetencyPicker
            exclude={draft.competencies.map((c) => c.competencyId)}
            onAdd={(competencyId, label) =>
              set('competencies', [...draft.competencies, { competencyId, label, level: 3 }])
            }
          />
        </Stack>
      </Fieldset>
      {draft.practiceType === 'dual' ? (
        <Fieldset legend={t('offers.dualTerms')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('offers.dualShare')}
              description={t('offers.dualShareHint')}
              required
              min={1}
              max={100}
              suffix=" %"
              allowDecimal={false}
              {...field('dualSharePercent', 'dualEnterpriseShare')}
            />
            <NumberInput
              label={t('offers.mentorPay')}
              min={0}
              thousandSeparator=" "
              {...field('mentorPayKzt', 'mentorPayTiyn')}
            />
          </SimpleGrid>
        </Fieldset>
      ) : null}
      <Checkbox
        label={t('offers.hiringIntention')}
        checked={draft.hiringIntention}
        onChange={(e) => set('hiringIntention', e.currentTarget.checked)}
      />
    </RecordFormModal>
  );
}
