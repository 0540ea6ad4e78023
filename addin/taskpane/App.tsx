/**
 * The RunRate pane: Policy, Data, Snapshots, Reports and Reconcile tabs over a `PaneHost`. The same
 * component is the Excel task pane (index.tsx gives it the Excel host) and the Google Sheets sidebar
 * (which gives it a host over google.script.run); it imports nothing host-specific. Built for a narrow
 * pane (300-350 px): fields stack, lists wrap, nothing needs horizontal scrolling.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { Caption1, FluentProvider, Tab, TabList, Title3, webLightTheme } from '@fluentui/react-components';
import type { PaneHost, PolicyState } from '../shared/host.js';
import { previousMonthEnd, todayIso } from './components/format.js';
import { HostContext } from './components/host-context.js';
import { useStyles } from './components/styles.js';
import { useAction } from './components/use-action.js';
import { DataTab } from './tabs/DataTab.js';
import { PolicyTab } from './tabs/PolicyTab.js';
import { ReconcileTab } from './tabs/ReconcileTab.js';
import { ReportsTab } from './tabs/ReportsTab.js';
import { SnapshotsTab } from './tabs/SnapshotsTab.js';

export type TabName = 'policy' | 'data' | 'snapshots' | 'reports' | 'reconcile';

const TABS: { name: TabName; label: string }[] = [
  { name: 'policy', label: 'Policy' },
  { name: 'data', label: 'Data' },
  { name: 'snapshots', label: 'Snapshots' },
  { name: 'reports', label: 'Reports' },
  { name: 'reconcile', label: 'Reconcile' },
];

/**
 * The tab a name opens: the tab names above, or the Sheets menu's names (`checks` opens Data,
 * `snapshot` opens Snapshots); anything else opens Policy.
 */
export function tabFromName(name: string | null | undefined): TabName {
  const aliases: Record<string, TabName> = { checks: 'data', snapshot: 'snapshots' };
  const key = (name ?? '').trim().toLowerCase();
  if (TABS.some((t) => t.name === key)) return key as TabName;
  return aliases[key] ?? 'policy';
}

function Pane({ host, initialTab }: { host: PaneHost; initialTab: TabName }) {
  const styles = useStyles();
  const [tab, setTab] = useState<TabName>(initialTab);
  // A tab stays mounted once opened, so its results survive switching tabs.
  const [opened, setOpened] = useState<Set<TabName>>(() => new Set([initialTab]));
  const [asOf, setAsOf] = useState(() => previousMonthEnd(todayIso()));
  const [policy, setPolicy] = useState<PolicyState | null>(null);
  const load = useAction();

  useEffect(() => {
    void load.run(async () => setPolicy(await host.loadPolicy()));
  }, [host]);

  const currency = policy?.fields.find((f) => f.key === 'reportingCurrency')?.value ?? '';

  const select = (name: TabName) => {
    setTab(name);
    setOpened((prev) => (prev.has(name) ? prev : new Set(prev).add(name)));
  };

  const panels: Record<TabName, () => ReactElement> = {
    policy: () => <PolicyTab state={policy} loading={load.busy} loadError={load.error} onState={setPolicy} />,
    data: () => <DataTab asOf={asOf} onAsOf={setAsOf} />,
    snapshots: () => <SnapshotsTab asOf={asOf} onAsOf={setAsOf} />,
    reports: () => <ReportsTab asOf={asOf} onAsOf={setAsOf} currency={currency} />,
    reconcile: () => <ReconcileTab asOf={asOf} currency={currency} />,
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">RunRate</Title3>
        <Caption1 className={styles.muted}>
          {host.hostName}
          {policy ? ` · policy ${policy.version}` : ''}
        </Caption1>
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => select(data.value as TabName)}
      >
        {TABS.map((t) => (
          <Tab
            key={t.name}
            value={t.name}
            className={styles.tab}
            content={{ className: styles.tabText }}
            data-testid={`tab-${t.name}`}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
      {TABS.filter((t) => opened.has(t.name)).map((t) => (
        <div key={t.name} role="tabpanel" aria-label={t.label} hidden={t.name !== tab}>
          {panels[t.name]()}
        </div>
      ))}
    </div>
  );
}

/** The pane over `host`; `initialTab` opens another tab first (the Sheets menu opens Reports directly). */
export function App({ host, initialTab = 'policy' }: { host: PaneHost; initialTab?: TabName }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <HostContext.Provider value={host}>
        <Pane host={host} initialTab={initialTab} />
      </HostContext.Provider>
    </FluentProvider>
  );
}
