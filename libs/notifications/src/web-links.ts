/**
 * Paths in the web app that notifications link to, relative to PUBLIC_URL; the one place they are
 * defined (README, "Event notifications", lists them).
 */
export const WEB_PATHS = {
  investigation: (id: string) => `/onderzoeken/${id}`,
  plan: (id: string) => `/plannen/${id}`,
  audit: (planId: string) => `/plannen/${planId}/audit`,
  verification: (planId: string) => `/plannen/${planId}/toetsing`,
  extensionRequest: (id: string) => `/termijnen/verlengingen/${id}`,
  enforcement: (id: string) => `/handhaving/${id}`,
  /** A comment in the thread of a plan, a measure, an internal audit or a verification. */
  comment: (subjectType: string, subjectId: string, planId: string | null, commentId: string) =>
    `${
      {
        ENFORCEMENT_MEASURE: `/handhaving/${subjectId}`,
        PLAN: `/plannen/${planId}`,
        MEASURE: `/plannen/${planId}/maatregelen/${subjectId}`,
        INTERNAL_AUDIT: `/plannen/${planId}/audit`,
        VERIFICATION: `/plannen/${planId}/toetsing`,
      }[subjectType] ?? `/plannen/${planId}`
    }#opmerking-${commentId}`,
} as const;
