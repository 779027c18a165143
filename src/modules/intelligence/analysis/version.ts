/**
 * Stored with every analysis so a result can be traced to the method that produced it. Bump it
 * when a rule, threshold or dictionary change would change a stored persona, craving or drift.
 */
export const ENGINE_VERSION = 'intel-analysis/1.0.0';
