import { EmptyState } from '@web/shell/states';
import { SparklesIcon } from 'lucide-react';
import type { CustomerAnalysis } from '../../queries-customers';
import { ConfidenceBar } from './confidence-bar';
import { formatAmount, formatPercent } from './format';

interface SpendingProfile {
  currency?: string;
  months?: number;
  monthlyIncome?: number;
  monthlySpend?: number;
  savingsRate?: number | null;
  incomeRegularity?: number;
  topCategories?: { category: string; share: number; amount: number }[];
}

const DRIVER_LABELS: Record<string, string> = {
  convenience: 'Convenience',
  security: 'Security',
  status: 'Status',
  experience: 'Experience',
  savings: 'Savings',
  social: 'Social',
};

/** The latest analysis: persona and why, craving profile, income and spending. */
export function PersonaTab({ analysis }: { analysis: CustomerAnalysis | undefined }) {
  if (!analysis) {
    return (
      <EmptyState
        icon={<SparklesIcon />}
        title="Not analysed yet"
        description="The persona, cravings and spending profile appear once this customer’s first statement has been analysed."
      />
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="persona-heading" className="flex flex-col gap-3 rounded-xl border p-4">
        <h2 id="persona-heading" className="font-semibold text-lg">
          {analysis.persona.label}
        </h2>
        <p className="text-muted-foreground text-sm">
          From {analysis.transactionCount} transactions
          {analysis.periodStart && analysis.periodEnd
            ? `, ${analysis.periodStart} to ${analysis.periodEnd}`
            : ''}
          .
        </p>
        <ul className="flex flex-col gap-2">
          {analysis.persona.reasons.map((reason) => (
            <li key={reason.code} className="flex flex-col gap-1">
              <span className="text-sm">{reason.text}</span>
              <ConfidenceBar value={reason.weight} label={`Weight of: ${reason.text}`} />
            </li>
          ))}
        </ul>
      </section>
      <ProfileSection profile={analysis.profile as SpendingProfile} />
      <section
        aria-labelledby="cravings-heading"
        className="flex flex-col gap-3 rounded-xl border p-4 lg:col-span-2"
      >
        <h2 id="cravings-heading" className="font-semibold text-lg">
          Cravings
        </h2>
        <p className="text-muted-foreground text-sm">
          What seems to drive this customer’s spending, each with how strongly it shows and how sure the
          analysis is.
        </p>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {analysis.cravings.map((craving) => {
            const name = DRIVER_LABELS[craving.driver] ?? craving.driver;
            return (
              <li key={craving.driver} className="flex flex-col gap-2 rounded-lg border p-3">
                <span className="font-medium">{name}</span>
                {craving.state === 'needs_more_data' ? (
                  <p className="text-muted-foreground text-sm">
                    Needs more data: the history is too thin to score this.
                  </p>
                ) : (
                  <>
                    <div className="flex flex-col gap-1 text-xs">
                      <span>Score</span>
                      <ConfidenceBar value={craving.score} label={`${name} score`} />
                      <span>Confidence</span>
                      <ConfidenceBar value={craving.confidence} label={`${name} confidence`} />
                    </div>
                    {craving.evidence.length > 0 && (
                      <ul className="list-disc pl-4 text-muted-foreground text-xs">
                        {craving.evidence.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function ProfileSection({ profile }: { profile: SpendingProfile }) {
  const currency = profile.currency ?? 'USD';
  const facts: [string, string][] = [
    [
      'Monthly income',
      profile.monthlyIncome === undefined ? '—' : formatAmount(profile.monthlyIncome, currency),
    ],
    [
      'Monthly spending',
      profile.monthlySpend === undefined ? '—' : formatAmount(profile.monthlySpend, currency),
    ],
    ['Savings rate', profile.savingsRate == null ? '—' : formatPercent(profile.savingsRate)],
    [
      'Income regularity',
      profile.incomeRegularity === undefined ? '—' : formatPercent(profile.incomeRegularity),
    ],
  ];
  return (
    <section aria-labelledby="profile-heading" className="flex flex-col gap-3 rounded-xl border p-4">
      <h2 id="profile-heading" className="font-semibold text-lg">
        Income and spending
      </h2>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {profile.topCategories && profile.topCategories.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Top spending categories">
          {profile.topCategories.map((entry) => (
            <li key={entry.category} className="flex items-center justify-between gap-2">
              <span className="truncate">{entry.category}</span>
              <ConfidenceBar value={entry.share} label={`${entry.category} share of spending`} />
            </li>
          ))}
        </ul>
      )}
      {profile.months !== undefined && (
        <p className="text-muted-foreground text-xs">
          Averaged over {profile.months} months, in {currency}.
        </p>
      )}
    </section>
  );
}
