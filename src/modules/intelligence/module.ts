import { defineModule } from '../../kernel/module.js';
import { INTELLIGENCE_PERMISSIONS } from './contract.js';
import { seedIntelligenceDemo } from './demo/seed-demo.js';
import { intelligenceEvents } from './events.js';
import { analyzeCustomerJob } from './jobs/analyze-customer.js';
import { archiveCustomerRoute } from './routes/archive-customer.js';
import { createStatementRoute } from './routes/create-statement.js';
import { exportCustomerReportRoute } from './routes/export-customer-report.js';
import { getCravingAnalyticsRoute } from './routes/get-craving-analytics.js';
import { getCustomerRoute } from './routes/get-customer.js';
import { getDriftAnalyticsRoute } from './routes/get-drift-analytics.js';
import { getIntelligenceCatalogueRoute } from './routes/get-intelligence-catalogue.js';
import { getIntelligenceSummaryRoute } from './routes/get-intelligence-summary.js';
import { getPersonaAnalyticsRoute } from './routes/get-persona-analytics.js';
import { listCustomerAnalysesRoute } from './routes/list-customer-analyses.js';
import { listCustomerTransactionsRoute } from './routes/list-customer-transactions.js';
import { listCustomersRoute } from './routes/list-customers.js';
import { mergeCustomersRoute } from './routes/merge-customers.js';
import { unarchiveCustomerRoute } from './routes/unarchive-customer.js';
import { updateCustomerRoute } from './routes/update-customer.js';

export const intelligenceModule = defineModule({
  id: 'intelligence',
  title: 'Customer intelligence',
  description:
    'Statements in through the Public API; per customer a categorised history, a persona with its reasons, a craving profile and a drift index; the customer table and the intelligence dashboard.',
  routes: [
    createStatementRoute,
    getPersonaAnalyticsRoute,
    getCravingAnalyticsRoute,
    getDriftAnalyticsRoute,
    getIntelligenceSummaryRoute,
    getIntelligenceCatalogueRoute,
    listCustomersRoute,
    getCustomerRoute,
    updateCustomerRoute,
    listCustomerAnalysesRoute,
    listCustomerTransactionsRoute,
    mergeCustomersRoute,
    archiveCustomerRoute,
    unarchiveCustomerRoute,
    exportCustomerReportRoute,
  ],
  jobs: [analyzeCustomerJob],
  events: intelligenceEvents,
  // After the apps (10): statements come from the bank's first app.
  demo: { order: 40, seed: seedIntelligenceDemo },
  nav: [
    {
      section: { id: 'intelligence', title: 'Intelligence', order: 15 },
      id: 'intelligence-customers',
      title: 'Customers',
      path: '/customers',
      icon: 'users',
      description:
        'Your customers with their persona, drift and risk; profiles, merges, archive and reports.',
      order: 10,
      permission: INTELLIGENCE_PERMISSIONS.customersRead,
    },
    {
      section: { id: 'intelligence', title: 'Intelligence', order: 15 },
      id: 'intelligence-dashboard',
      title: 'Intelligence',
      path: '/intelligence',
      icon: 'chart-pie',
      description: 'Personas, cravings and drift across your customers.',
      order: 20,
      permission: INTELLIGENCE_PERMISSIONS.customersRead,
    },
  ],
  tags: [
    {
      name: 'Customers',
      description:
        'Your end customers as Atrium knows them from their statements: profile, analyses, merge and archive.',
    },
    {
      name: 'Intelligence analytics',
      description:
        'Aggregates over your customers for the intelligence dashboard: personas with demographic overlays, craving drivers, drift alerts and timeline.',
    },
  ],
  permissions: [
    {
      name: INTELLIGENCE_PERMISSIONS.statementsWrite,
      description: 'Send customer statements through the Public API (`POST /v1/statements`).',
      defaultRoles: ['owner', 'admin', 'developer'],
    },
    {
      name: INTELLIGENCE_PERMISSIONS.customersRead,
      description:
        'See customers, their transactions, personas, cravings and drift, and the intelligence analytics.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst', 'viewer'],
    },
    {
      name: INTELLIGENCE_PERMISSIONS.customersWrite,
      description: 'Rename, merge, archive and unarchive customers.',
      defaultRoles: ['owner', 'admin', 'analyst'],
    },
  ],
});
