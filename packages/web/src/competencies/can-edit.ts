import { useMe } from '../api/auth';

/** Admins and coordinators write frameworks, competencies and outcomes (the server's policies); others read. */
export function useCanEditCompetencies(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'coordinator';
}
