import type { UseMutationResult } from '@tanstack/react-query';
import type { z } from 'zod';
import { succeedWith } from './form-feedback';
import { type BodyDraft, useSchemaForm } from './use-schema-form';

/** The create and update mutations of a collection, as the `use…Mutations` hooks return them. */
export interface RecordMutations<Out, Create, Patch> {
  create: UseMutationResult<Out, Error, Create>;
  update: UseMutationResult<Out, Error, { id: number; patch: Patch }>;
}

/** Options of {@link useRecordForm}. */
export interface RecordFormOptions<
  R extends { id: number },
  D extends object,
  Out,
  C extends z.ZodType,
  P extends z.ZodType,
> {
  opened: boolean;
  /** The record to edit; `null` creates one. */
  record: R | null;
  mutations: RecordMutations<Out, z.output<C>, z.output<P>>;
  /** The draft a dialog opens with, from the record or empty. */
  init: (record: R | null) => D;
  /** The contract's schemas of the create body and of the patch: the only place the rules live. */
  schemas: { create: C; patch: P };
  /** The create body and the patch the draft stands for. */
  bodies: { create: (draft: D) => BodyDraft<z.input<C>>; patch: (draft: D) => BodyDraft<z.input<P>> };
  /** The dialog's titles and the green notifications after a create and after an edit. */
  text: { create: string; edit: string; created: string; saved: string };
  onClose: () => void;
  onCreated?: (created: Out) => void;
}

/**
 * The logic every create/edit dialog shares: the draft (refilled on open, old errors cleared), the
 * translated error under each field from the contract's schema (or the server), and a submit that
 * validates, then creates or patches with the parsed body, notifies and closes.
 * @example
 * const form = useRecordForm({ opened, record: lab, mutations: useLabMutations(), init: draftOf,
 *   schemas: { create: createLabBodySchema, patch: updateLabBodySchema }, bodies: { create: bodyOf, patch: patchOf },
 *   text: { create: t('material.createLabTitle'), edit: t('material.editLabTitle'), created: t('material.labCreated'), saved: t('material.labSaved') }, onClose });
 * <FormModal onSubmit={form.submit} …><TextInput error={form.error('code')} … /></FormModal>
 */
export function useRecordForm<
  R extends { id: number },
  D extends object,
  Out,
  C extends z.ZodType,
  P extends z.ZodType,
>(options: RecordFormOptions<R, D, Out, C, P>) {
  const { record, mutations, text, onClose } = options;
  const { create, update } = mutations;
  const mutation = record ? update : create;
  const form = useSchemaForm<D, z.ZodType>({
    opened: options.opened,
    init: () => options.init(record),
    schema: record ? options.schemas.patch : options.schemas.create,
    body: record ? options.bodies.patch : options.bodies.create,
    onOpen: () => {
      create.reset();
      update.reset();
    },
    serverError: mutation.error,
  });

  /** Validates the draft with the contract; then patches the record, or creates one. */
  const submit = () => {
    const body = form.validBody();
    if (body === undefined) return;
    if (record) {
      // The schema chosen above parsed it: the patch schema when editing, the create schema otherwise.
      const patch = body as z.output<P>;
      update.mutate({ id: record.id, patch }, { onSuccess: succeedWith(text.saved, onClose) });
    } else {
      create.mutate(body as z.output<C>, {
        onSuccess: (created) => {
          succeedWith(text.created, onClose)();
          options.onCreated?.(created);
        },
      });
    }
  };

  return { ...form, mutation, isEdit: record !== null, submit, opened: options.opened, onClose, text };
}
