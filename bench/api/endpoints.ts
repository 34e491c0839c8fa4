/** The authenticated list endpoints bench:api measures (as the admin, the first page of 25). */
export const ENDPOINTS = [
  '/api/investments',
  '/api/organisations',
  '/api/agreements',
  '/api/equipment',
  '/api/partners',
  '/api/audit',
];
