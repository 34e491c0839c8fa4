import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorAt } from './form-feedback';
import { checkBody } from './issue-text';

/**
 * What a form may build from its draft before it is valid: the body's own fields and types, each of
 * which may still be missing (an amount that does not read yet is `undefined`, and the schema says so).
 */
export type BodyDraft<T> = T extends readonly (infer E)[]
  ? BodyDraft<E>[]
  : T extends object
    ? { [K in keyof T]?: BodyDraft<T[K]> | undefined }
    : T | undefined;

/** What an input's change gives: an event (its target's value) or the value itself (a select, a number). */
function inputValue(input: unknown): unknown {
  const target = (input as { currentTarget?: { value?: unknown } } | null)?.currentTarget;
  return target && 'value' in target ? target.value : input;
}

/** Options of {@link useSchemaForm}. */
export interface SchemaFormOptions<D extends object, S extends z.ZodType> {
  opened: boolean;
  /** The draft the dialog opens with. */
  init: () => D;
  /**
   * The contract's schema of the request body, the one the server checks it with; `undefined` while it loads
   * (the sign-in page loads zod when the visitor first types: then no check runs, and `validBody(schema)`
   * takes it).
   */
  schema: S | undefined;
  /** The request body the draft stands for. */
  body: (draft: D) => BodyDraft<z.input<S>>;
  /** Checks that need data only the form has (e.g. documents already uploaded): field → message. */
  extra?: (draft: D, t: TFunction) => Record<string, string>;
  /** Runs each time the dialog opens (reset the mutation, so an old error does not show again). */
  onOpen: () => void;
  /** The last submit's error; its field issues show under the inputs the client found no fault with. */
  serverError: unknown;
}

/**
 * The draft of a dialog form validated by a contract's schema: refilled each time the dialog opens,
 * the translated message under each field once the user tried to submit, and `validBody()`, which
 * returns the parsed body (trimmed, defaults filled) to send or `undefined` after showing the errors.
 * @example
 * const form = useSchemaForm({ opened, init: () => draftOf(booking), schema: bookingUsageBodySchema,
 *   body: usageBodyOf, onOpen: recordUsage.reset, serverError: recordUsage.error });
 * const body = form.validBody(); if (body) recordUsage.mutate(body);
 */
export function useSchemaForm<D extends object, S extends z.ZodType>(options: SchemaFormOptions<D, S>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<D>(options.init);
  const [touched, setTouched] = useState(false);
  /** Back to the initial draft, no errors shown (e.g. after a form that stays on the page was sent). */
  const reset = () => {
    setDraft(options.init());
    setTouched(false);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the dialog opens
  useEffect(() => {
    if (options.opened) {
      reset();
      options.onOpen();
    }
  }, [options.opened]);

  const check = (d: D, schema = options.schema) => {
    if (schema === undefined) return { errors: {} };
    const checked = checkBody(t, schema, options.body(d));
    const errors = { ...options.extra?.(d, t), ...checked.errors };
    return Object.keys(errors).length > 0 ? { errors } : { data: checked.data as z.output<S>, errors };
  };
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const error = errorAt(t, touched ? check(draft).errors : {}, options.serverError);

  /** Shows the errors from now on; the parsed body when the draft is valid (by `schema` when given). */
  const validBody = (schema?: S): z.output<S> | undefined => {
    setTouched(true);
    return check(draft, schema ?? options.schema).data;
  };

  /**
   * The `value`, `onChange` and `error` of the input of draft field `key`, for a text, number, date or
   * select input (`onChange` takes the event's value or the value itself); `path` is where the body has it.
   * @example <TextInput label={t('material.costKzt')} {...form.field('cost', 'costTiyn')} />
   */
  const field = <K extends keyof D & string>(key: K, path: string = key) => ({
    value: draft[key],
    onChange: (input: unknown) => set(key, inputValue(input) as D[K]),
    error: error(path),
  });

  return { draft, setDraft, set, touched, error, validBody, reset, field };
}
