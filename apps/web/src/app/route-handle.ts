/** What a route tells the shell about itself (`handle` of a route object). */
export interface RouteHandle {
  /** The page needs a session: while the session is being restored, the menu's place is kept. */
  needsSession?: boolean;
}
