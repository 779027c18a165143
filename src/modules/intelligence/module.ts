import { defineModule } from '../../kernel/module.js';
import { INTELLIGENCE_PERMISSIONS } from './contract.js';
import { intelligenceEvents } from './events.js';
import { analyzeCustomerJob } from './jobs/analyze-customer.js';
import { createStatementRoute } from './routes/create-statement.js';

export const intelligenceModule = defineModule({
  id: 'intelligence',
  title: 'Customer intelligence',
  description:
    'Statements in through the Public API; per customer a categorised history, a persona with its reasons, a craving profile and a drift index; the customer table and the intelligence dashboard.',
  routes: [createStatementRoute],
  jobs: [analyzeCustomerJob],
  events: intelligenceEvents,
  tags: [
    {
      name: 'Customers',
      description:
        'Your end customers as Atrium knows them from their statements: profile, analyses, merge and archive.',
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
