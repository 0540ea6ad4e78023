/**
 * The PaneHost the components call, handed down through React context. The Excel entry
 * (index.tsx) and the Google Sheets sidebar each provide their own host; components import nothing
 * from Office.js, addin/excel/ or gas/.
 */
import { createContext, useContext } from 'react';
import type { PaneHost } from '../../shared/host.js';

export const HostContext = createContext<PaneHost | null>(null);

export function useHost(): PaneHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('RunRate pane: no host was provided to the App component.');
  return host;
}
