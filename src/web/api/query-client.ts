import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from './problem';

const maxRetries = 2;

/** A 4xx means the request itself is wrong (or not allowed): asking again cannot help. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ProblemError && error.isClientError) return false;
  return failureCount < maxRetries;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
