import type {
  Agreement,
  AgreementDocument,
  AgreementStatus,
  Branch,
  Contact,
  CreateAgreementBody,
  CreateContactBody,
  CreateJointProgrammeBody,
  CreateObligationBody,
  JointProgramme,
  Obligation,
  Page,
  UpdateAgreementBody,
  UpdateBranchBody,
  UpdateContactBody,
  UpdateJointProgrammeBody,
  UpdateObligationBody,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from './auth';
import { apiFetch, type QueryParams } from './client';

/** Caches that show agreements, obligations, contacts or joint programmes; refreshed after every write. */
const PARTNERSHIP_KEYS = ['agreements', 'agreement', 'obligations', 'partners', 'partner'];

/**
 * True when the signed-in user may change agreements, obligations, contacts, joint programmes and
 * branch status: the server's write policy for all of them is admin only.
 */
export function useCanEditPartnerships(): boolean {
  return useMe()?.role === 'admin';
}

/** A mutation whose success refreshes every partnership cache. */
function usePartnershipMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(PARTNERSHIP_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/** Input of an edit: the record's id and the changed fields. */
export interface PatchOf<P> {
  id: number;
  patch: P;
}

/**
 * Create, edit and delete mutations of one REST collection (`POST base`, `PATCH/DELETE base/:id`).
 * @example const { create, update, remove } = useCollectionMutations<Contact, CreateContactBody, UpdateContactBody>('/api/contacts');
 */
function useCollectionMutations<T, Create, Patch>(createPath: string, itemPath: string) {
  return {
    create: usePartnershipMutation((body: Create) => apiFetch<T>(createPath, { method: 'POST', body })),
    update: usePartnershipMutation(({ id, patch }: PatchOf<Patch>) =>
      apiFetch<T>(`${itemPath}/${id}`, { method: 'PATCH', body: patch }),
    ),
    remove: usePartnershipMutation((id: number) => apiFetch<void>(`${itemPath}/${id}`, { method: 'DELETE' })),
  };
}

/** Creates (as a draft), edits and deletes agreements. */
export function useAgreementMutations() {
  return useCollectionMutations<Agreement, CreateAgreementBody, UpdateAgreementBody>(
    '/api/agreements',
    '/api/agreements',
  );
}

/** Moves an agreement along its lifecycle (`POST /api/agreements/:id/status`); 409 INVALID_TRANSITION when refused. */
export function useAgreementTransition() {
  return usePartnershipMutation(({ id, status }: { id: number; status: AgreementStatus }) =>
    apiFetch<Agreement>(`/api/agreements/${id}/status`, { method: 'POST', body: { status } }),
  );
}

/**
 * Uploads a PDF (multipart field `file`) to an agreement or, as evidence, to an obligation; refreshes
 * every partnership cache.
 * @example useUploadDocument({ obligationId: 7 }).mutate(file)
 */
export function useUploadDocument(target: DocumentTarget) {
  const path =
    'obligationId' in target
      ? `/api/obligations/${target.obligationId}/documents`
      : `/api/agreements/${target.agreementId}/documents`;
  return usePartnershipMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiFetch<AgreementDocument>(path, { method: 'POST', body: form });
  });
}

/** What a document belongs to: an agreement, or an obligation it is evidence of. */
export type DocumentTarget = { agreementId: number } | { obligationId: number };

/** Deletes an agreement's document or an obligation's evidence (one table, `/api/agreement-documents`). */
export function useDeleteAgreementDocument() {
  return usePartnershipMutation((id: number) =>
    apiFetch<void>(`/api/agreement-documents/${id}`, { method: 'DELETE' }),
  );
}

/** Adds obligations to agreement `agreementId`, and edits (status, evidence) and deletes obligations. */
export function useObligationMutations(agreementId: number) {
  return useCollectionMutations<Obligation, CreateObligationBody, UpdateObligationBody>(
    `/api/agreements/${agreementId}/obligations`,
    '/api/obligations',
  );
}

/** Overdue obligations of every visible agreement, as in `GET /api/obligations/overdue`. */
export function useOverdueObligations(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['obligations', 'overdue', params],
    queryFn: ({ signal }) =>
      apiFetch<Page<Obligation>>('/api/obligations/overdue', { query: params, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Adds, edits and deletes contacts of partner organisations (personal data). */
export function useContactMutations() {
  return useCollectionMutations<Contact, CreateContactBody, UpdateContactBody>(
    '/api/contacts',
    '/api/contacts',
  );
}

/** Records, edits and deletes joint programmes with partner universities. */
export function useJointProgrammeMutations() {
  return useCollectionMutations<JointProgramme, CreateJointProgrammeBody, UpdateJointProgrammeBody>(
    '/api/joint-programmes',
    '/api/joint-programmes',
  );
}

/** Sets the branch status of a foreign partner university (`PUT /api/partners/:id/branch`). */
export function useUpdateBranch(partnerId: number) {
  return usePartnershipMutation((body: UpdateBranchBody) =>
    apiFetch<Branch>(`/api/partners/${partnerId}/branch`, {
      method: 'PUT',
      body,
    }),
  );
}
