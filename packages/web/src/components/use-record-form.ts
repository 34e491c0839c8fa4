import type { UseMutationResult } from '@tanstack/react-query';
import { errorAt, succeedWith } from './form-feedback';
import { useFormDraft } from './use-form-draft';

/** The create and update mutations of a collection, as the `use…Mutations` hooks return them. */
export interface RecordMutations<Out, Create, Patch> {
  create: UseMutationResult<Out, Error, Create>;
  update: UseMutationResult<Out, Error, { id: number; patch: Patch }>;
}

/** Options of {@link useRecordForm}. */
export interface RecordFormOptions<R extends { id: number }, D extends object, Out, Create, Patch> {
  opened: boolean;
  /** The record to edit; `null` creates one. */
  record: R | null;
  mutations: RecordMutations<Out, Create, Patch>;
  /** The draft a dialog opens with, from the record or empty. */
  init: (record: R | null) => D;
  /** Client-side checks: field name to translated message. */
  validate: (draft: D) => Record<string, string>;
  /** The green notifications after a create and after an edit. */
  done: { created: string; saved: string };
  onClose: () => void;
  onCreated?: (created: Out) => void;
}

/**
 * The logic every create/edit dialog shares: the draft (refilled on open, old errors cleared), the
 * error under each field, and a submit that validates, then creates or patches, notifies and closes.
 * @example
 * const form = useRecordForm({ opened, record: contact, mutations: useContactMutations(), init: draftOf,
 *   validate: (d) => validate(d, t), done: { created: t('contacts.created'), saved: t('contacts.saved') }, onClose });
 * form.submit((d) => ({ create: { organisationId, ...bodyOf(d) }, patch: bodyOf(d) }));
 */
export function useRecordForm<R extends { id: number }, D extends object, Out, Create, Patch>(
  options: RecordFormOptions<R, D, Out, Create, Patch>,
) {
  const { record, mutations, done, onClose } = options;
  const { create, update } = mutations;
  const mutation = record ? update : create;
  const form = useFormDraft(
    options.opened,
    () => options.init(record),
    () => {
      create.reset();
      update.reset();
    },
  );
  const error = errorAt(form.touched ? options.validate(form.draft) : {}, mutation.error);

  /** Validates the draft; then patches the record, or creates one, with the bodies built from it. */
  const submit = (bodiesOf: (draft: D) => { create: Create; patch: Patch }) => {
    form.setTouched(true);
    if (Object.keys(options.validate(form.draft)).length > 0) return;
    const bodies = bodiesOf(form.draft);
    if (record) {
      update.mutate({ id: record.id, patch: bodies.patch }, { onSuccess: succeedWith(done.saved, onClose) });
    } else {
      create.mutate(bodies.create, {
        onSuccess: (created) => {
          succeedWith(done.created, onClose)();
          options.onCreated?.(created);
        },
      });
    }
  };

  return { ...form, error, mutation, isEdit: record !== null, submit };
}
