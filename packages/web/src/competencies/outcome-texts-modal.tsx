import { putOutcomesBodySchema } from '@kadr/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../components/error-text';
import { checkBody, fieldErrors } from '../components/issue-text';

type Texts = { kk: string; ru: string; en: string };
const LOCALES = ['kk', 'ru', 'en'] as const;

/** One learning outcome of the row: the competency it trains, its level and its description. */
export interface OutcomeText {
  /** The outcome's place in the PUT body (`outcomes.N`), for the errors of the contract and of the server. */
  index: number;
  competencyLabel: string;
  targetLevel: number;
  description: Texts;
}

/** Props of {@link OutcomeTextsModal}. */
export interface OutcomeTextsModalProps {
  opened: boolean;
  /** The discipline or practice, as the matrix names it. */
  rowLabel: string;
  outcomes: OutcomeText[];
  editable: boolean;
  /** Why the descriptions do not change here (shown when not editable). */
  readOnlyText: string;
  /** The whole mapping with these descriptions, as the PUT sends it (the contract checks it all). */
  bodyWith: (descriptions: Map<number, Texts>) => unknown;
  /** Saves the mapping with these descriptions; resolves when the server accepted it. */
  onSave: (descriptions: Map<number, Texts>) => Promise<unknown>;
  saving: boolean;
  serverError: unknown;
  onClose: () => void;
}

/**
 * The descriptions of one discipline's (or practice's) learning outcomes in kk, ru and en: what a student who
 * reaches the level can do. Editors of a draft change them and save the mapping; everyone else reads them.
 */
export function OutcomeTextsModal(props: OutcomeTextsModalProps) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(new Map<number, Texts>());
  const [touched, setTouched] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the dialog opens
  useEffect(() => {
    if (props.opened) {
      setTexts(new Map(props.outcomes.map((o) => [o.index, o.description])));
      setTouched(false);
    }
  }, [props.opened]);
  const checked = touched ? checkBody(t, putOutcomesBodySchema, props.bodyWith(texts)).errors : undefined;
  const server = fieldErrors(t, props.serverError);
  const errorAt = (index: number, locale: string) => {
    const path = `outcomes.${index}.description.${locale}`;
    return checked?.[path] ?? server[path];
  };
  const set = (index: number, locale: (typeof LOCALES)[number], value: string) =>
    setTexts((m) =>
      new Map(m).set(index, { ...(m.get(index) ?? { kk: '', ru: '', en: '' }), [locale]: value }),
    );
  const save = () => {
    setTouched(true);
    if (checkBody(t, putOutcomesBodySchema, props.bodyWith(texts)).errors) return;
    void props.onSave(texts).then(props.onClose, () => undefined);
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('outcomes.textsTitle', { row: props.rowLabel })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack data-testid="outcome-texts">
        <Text size="sm" c="dimmed">
          {props.editable ? t('outcomes.textsAbout') : props.readOnlyText}
        </Text>
        {props.outcomes.map((o) => (
          <Stack key={o.index} gap="xs">
            <Title order={3} size="h5">
              {t('outcomes.textsOf', { name: o.competencyLabel, level: o.targetLevel })}
            </Title>
            {LOCALES.map((locale) => (
              <Textarea
                key={locale}
                label={t(`competencies.in.${locale}`)}
                lang={locale}
                autosize
                minRows={2}
                maxLength={2000}
                readOnly={!props.editable}
                value={texts.get(o.index)?.[locale] ?? ''}
                onChange={(e) => set(o.index, locale, e.currentTarget.value)}
                error={errorAt(o.index, locale)}
              />
            ))}
          </Stack>
        ))}
        {props.serverError ? (
          <Alert color="red" role="alert">
            {errorMessage(t, props.serverError)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {props.editable ? t('common.cancel') : t('common.close')}
          </Button>
          {props.editable ? (
            <Button onClick={save} loading={props.saving} data-testid="outcome-texts-save">
              {t('outcomes.save')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
