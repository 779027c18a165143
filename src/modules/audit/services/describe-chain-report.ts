import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { ChainReport } from './verify-audit-chain.js';

/** One line for `atrium audit verify`: which chain, and whether it holds or where it breaks. */
export function describeChainReport(tenantId: string | null, report: ChainReport): string {
  const chain = tenantId ? `tenant ${toPublicId('tenant', tenantId)}` : 'operator chain';
  const count = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
  if (report.ok) return `${chain}: intact, ${count(report.events)}`;
  const { id, seq, reason } = report.brokenAt;
  return `${chain}: BROKEN at seq ${seq} (${id}): ${reason}; ${count(report.events)} intact before it`;
}
