import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { StatusTag } from '@web/shared/components/status-tag';
import { useT } from '@web/shared/i18n/use-t';
import { planMessages } from '../messages';
import type { CoveragePoint } from './coverage';

/** The points no measure covers yet, updated as measures change (announced politely). */
export function CoveragePanel({ missing }: { missing: CoveragePoint[] }) {
  const t = useT(planMessages);
  return (
    <aside className="ov-coverage" aria-labelledby="coverage-title">
      <Heading2 id="coverage-title">{t('plans.coverage.title')}</Heading2>
      <div aria-live="polite">
        {missing.length === 0 ? (
          <Paragraph>
            <StatusTag tone="ok">{t('plans.coverage.complete')}</StatusTag>
          </Paragraph>
        ) : (
          <>
            <Paragraph>
              <StatusTag tone="warning">{t('plans.coverage.missing', { count: missing.length })}</StatusTag>
            </Paragraph>
            <ul>
              {missing.map((p) => (
                <li key={p.id}>
                  <strong>{t('plans.point', { position: p.position })}</strong>: {p.text}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
