import { useParams } from '@tanstack/react-router';
import { useMe } from '../api/auth';
import { PartnerOverviewView } from './partner-overview';

/** The overview of one partner, at `/partners/:partnerId`. */
export function PartnerPage() {
  const { partnerId } = useParams({ strict: false }) as { partnerId?: string };
  return <PartnerOverviewView partnerId={Number(partnerId)} />;
}

/** A partner user's own partnership ("Our partnership"): its organisation's overview, never another's. */
export function OwnPartnerPage() {
  const me = useMe();
  if (!me) return null;
  return <PartnerOverviewView partnerId={me.organisationId} />;
}
