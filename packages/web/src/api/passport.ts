import type { Passport, ProgrammeAnalysis } from '@kadr/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client';

/** A student's competency passport (`me` for the signed-in student's own). */
export function usePassport(studentId: number | 'me') {
  const path = studentId === 'me' ? '/api/me/passport' : `/api/students/${studentId}/passport`;
  return useQuery({
    queryKey: ['passport', studentId],
    queryFn: ({ signal }) => apiFetch<Passport>(path, { signal }),
  });
}

/** Query options of a version's analysis: the route starts it while the page's code loads (router.tsx). */
export const programmeAnalysisQueryOptions = (versionId: number) =>
  queryOptions({
    queryKey: ['programme-analysis', versionId],
    queryFn: ({ signal }) =>
      apiFetch<ProgrammeAnalysis>(`/api/programme-versions/${versionId}/analysis`, { signal }),
  });

/** The matrix, balance and gaps of a programme version. */
export function useProgrammeAnalysis(versionId: number) {
  return useQuery(programmeAnalysisQueryOptions(versionId));
}
