import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { sharedMessages } from '../i18n/messages';
import { useT } from '../i18n/use-t';

// The first page of a visit keeps the browser's focus; every navigation after it moves focus to the h1.
let firstPage = true;

interface PageProps {
  /** The h1 and the document title. */
  title: string;
  /** Shown above the h1 (e.g. the investigation). */
  preHeading?: ReactNode;
  children: ReactNode;
}

/** One h1 per page, the page's <title>, and focus on the h1 after navigation (WCAG 2.4.2, 2.4.3). */
export function Page({ title, preHeading, children }: PageProps) {
  const t = useT(sharedMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = t('app.pageTitle', { title });
  }, [t, title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    // An error summary that took focus first wins.
    if (!document.activeElement?.closest('.ov-error-summary')) heading.current?.focus();
  }, [pathname]);
  return (
    <>
      {preHeading && <p className="ov-pre-heading">{preHeading}</p>}
      <Heading1 ref={heading} tabIndex={-1} className="ov-page-heading">
        {title}
      </Heading1>
      {children}
    </>
  );
}
