import type { Tone } from '@web/shared/components/status-tag';

export function planTone(status: string): Tone {
  switch (status) {
    case 'ACCEPTED':
    case 'CLOSED':
      return 'ok';
    case 'REVISION_REQUESTED':
      return 'warning';
    case 'SUBMITTED':
      return 'info';
    default:
      return 'neutral';
  }
}

export function measureTone(status: string, overdue: boolean): Tone {
  if (status === 'COMPLETED') return 'ok';
  if (status === 'CANCELLED') return 'neutral';
  if (overdue) return 'danger';
  return status === 'IN_PROGRESS' ? 'info' : 'neutral';
}
