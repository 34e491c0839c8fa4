import type { ProgrammeVersion } from '@kadr/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where a version stands: a draft being edited, a draft awaiting approval, active or superseded. */
export function versionStage(v: Pick<ProgrammeVersion, 'status' | 'submittedAt'>) {
  if (v.status === 'draft') return v.submittedAt === null ? 'editing' : 'awaiting';
  return v.status;
}

const COLOR = { editing: 'gray', awaiting: 'orange', active: 'green', superseded: 'blue' } as const;

/** The stage of a version as a badge. */
export function VersionStatusBadge({
  version,
}: {
  version: Pick<ProgrammeVersion, 'status' | 'submittedAt'>;
}) {
  const { t } = useTranslation();
  const stage = versionStage(version);
  return (
    <Badge variant="light" color={COLOR[stage]} data-testid="version-stage">
      {t(`versionStages.${stage}`)}
    </Badge>
  );
}
