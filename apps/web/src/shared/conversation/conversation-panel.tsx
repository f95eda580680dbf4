import { Heading } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import type { CommentVisibility, ThreadSubjectType } from '@web/gql/graphql';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session-context';
import { CommentThread } from './comment-thread';
import { hasFiles, isParticipant } from './conversation-logic';
import { EvidenceFiles } from './evidence-files';
import { conversationMessages } from './messages';

export interface ConversationPanelProps {
  subjectType: ThreadSubjectType;
  subjectId: string;
  /** Level of the panel's heading; its two parts get the next level. */
  level?: 2 | 3 | 4;
  title?: string;
  /** What an organisation member may write here: PUBLIC once submitted; ORGANISATION on a draft plan's measures. */
  memberVisibilities?: CommentVisibility[];
  /** The thread can be read but not written (a measure while its plan is sent back for revision). */
  readOnly?: boolean;
}

/**
 * The comment thread of one subject (plan, measure, internal audit, verification, enforcement
 * measure) and its evidence files. Renders nothing for municipality reviewers and administrators:
 * the API refuses them, and the page should not offer what they may not see.
 */
export function ConversationPanel({
  subjectType,
  subjectId,
  level = 2,
  title,
  memberVisibilities = ['PUBLIC'],
  readOnly = false,
}: ConversationPanelProps) {
  const t = useT(conversationMessages);
  const { me } = useSession();
  if (!me || !isParticipant(me.role)) return null;
  const headingId = `conversation-${subjectId}`;
  const visibilities: CommentVisibility[] = me.role === 'INSPECTOR' ? ['PUBLIC', 'INTERNAL'] : memberVisibilities;
  return (
    <section className="ov-conversation" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {title ?? t('conversation.title')}
      </Heading>
      <CommentThread
        subjectType={subjectType}
        subjectId={subjectId}
        level={level + 1}
        meId={me.id}
        visibilities={visibilities}
        role={me.role}
        readOnly={readOnly}
      />
      {hasFiles(subjectType) && (
        <EvidenceFiles subjectType={subjectType} subjectId={subjectId} level={level + 1} meId={me.id} role={me.role} />
      )}
    </section>
  );
}

/** The panel behind a disclosure (a measure in a list): loaded only when opened. */
export function ConversationDisclosure(props: ConversationPanelProps & { summary?: ReactNode }) {
  const t = useT(conversationMessages);
  const { me } = useSession();
  const [open, setOpen] = useState(false);
  if (!me || !isParticipant(me.role)) return null;
  return (
    <details className="ov-disclosure" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{props.summary ?? t('conversation.disclosure')}</summary>
      {open && <ConversationPanel {...props} />}
    </details>
  );
}
