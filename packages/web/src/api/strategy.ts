import type {
  CreateKpiTargetBody,
  CreateMilestoneBody,
  CreateProjectBody,
  KpiDashboard,
  KpiRecordList,
  KpiTarget,
  Milestone,
  MilestoneFile,
  Page,
  Project,
  ProjectDetail,
  TakeSnapshotResult,
  UpdateKpiTargetBody,
  UpdateMilestoneBody,
  UpdateProjectBody,
} from '@kadr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { apiFetch } from './client';

/** The KPI dashboard: every KPI now, its targets, progress and a year of history (`GET /api/strategy/kpis`). */
export function useKpiDashboard() {
  return useQuery({
    queryKey: ['strategy', 'kpis'],
    queryFn: ({ signal }) => apiFetch<KpiDashboard>('/api/strategy/kpis', { signal }),
  });
}

/** The records behind a KPI's value (staff), fetched when `kpiId` is set. */
export function useKpiRecords(kpiId: string | null) {
  useTranslation(); // renders again in the new language, which the records' names and descriptions follow
  const lang = currentLocale();
  return useQuery({
    queryKey: ['strategy', 'records', kpiId, lang],
    queryFn: ({ signal }) =>
      apiFetch<KpiRecordList>(`/api/strategy/kpis/${kpiId}/records?lang=${lang}`, { signal }),
    enabled: kpiId !== null,
  });
}

/** Sets, changes and deletes targets, and keeps this month's snapshot (admin); each refreshes the dashboard. */
export function useStrategyMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['strategy'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateKpiTargetBody) =>
        apiFetch<KpiTarget>('/api/kpi-targets', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateKpiTargetBody }) =>
        apiFetch<KpiTarget>(`/api/kpi-targets/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/kpi-targets/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    snapshot: useMutation({
      mutationFn: () => apiFetch<TakeSnapshotResult>('/api/kpi-snapshots', { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
  };
}

/** Every project with its milestone counts (staff). */
export function useProjects() {
  return useQuery({
    queryKey: ['projects', 'list'],
    queryFn: ({ signal }) =>
      apiFetch<Page<Project>>('/api/strategy-projects', { query: { pageSize: 200 }, signal }),
  });
}

/** One project with its milestones. */
export function useProject(id: number | null) {
  return useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: ({ signal }) => apiFetch<ProjectDetail>(`/api/strategy-projects/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Creates, changes and deletes projects (admin, coordinator). */
export function useProjectMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['projects'] });
  return {
    create: useMutation({
      mutationFn: (body: CreateProjectBody) =>
        apiFetch<Project>('/api/strategy-projects', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateProjectBody }) =>
        apiFetch<Project>(`/api/strategy-projects/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/strategy-projects/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** Adds milestones to a project, changes (owners too: status and evidence) and deletes them. */
export function useMilestoneMutations(projectId: number | null) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['projects'] });
    await queryClient.invalidateQueries({ queryKey: ['milestones'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateMilestoneBody) =>
        apiFetch<Milestone>(`/api/strategy-projects/${projectId}/milestones`, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateMilestoneBody }) =>
        apiFetch<Milestone>(`/api/milestones/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/milestones/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** Uploads and deletes a milestone's evidence files (writers and the milestone's owner). */
export function useMilestoneFileMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['projects'] });
    await queryClient.invalidateQueries({ queryKey: ['milestones'] });
  };
  return {
    upload: useMutation({
      mutationFn: ({ milestoneId, file }: { milestoneId: number; file: File }) => {
        const form = new FormData();
        form.append('file', file);
        return apiFetch<MilestoneFile>(`/api/milestones/${milestoneId}/files`, {
          method: 'POST',
          body: form,
        });
      },
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`/api/milestone-files/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** The signed-in user's overdue milestones, for the home page. */
export function useMyOverdueMilestones() {
  return useQuery({
    queryKey: ['milestones', 'mine', 'overdue'],
    queryFn: ({ signal }) =>
      apiFetch<Page<Milestone>>('/api/me/milestones', {
        query: { overdue: 'true', sort: 'dueOn', pageSize: 20 },
        signal,
      }),
  });
}
