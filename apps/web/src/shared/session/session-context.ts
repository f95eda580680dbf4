import { createContext, useContext } from 'react';
import type { MeQuery } from '@web/gql/graphql';
import type { SessionManager, SessionStatus } from './session-manager';

export type Me = MeQuery['me'];
export type Role = Me['role'];

export interface SessionState {
  manager: SessionManager;
  status: SessionStatus;
  /** The signed-in account; null until loaded or when signed out. */
  me: Me | null;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** After signOutEverywhere / a password change: the server already ended the session. */
  forget: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
