import { describe, expect, it } from 'vitest';
import { saveThen } from './save-then';

describe('saveThen', () => {
  it('hands the saved value on, and leaves a refusal to the mutation’s state', async () => {
    const saved: string[] = [];
    saveThen({ mutateAsync: async (input: string) => `${input}!` }, 'name', (value) => saved.push(value));
    saveThen(
      {
        mutateAsync: async () => {
          throw new Error('refused');
        },
      },
      'other',
      (value: string) => saved.push(value),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(saved).toEqual(['name!']);
  });
});
