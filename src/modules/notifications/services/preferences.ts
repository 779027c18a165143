import type { Tx } from '../../../kernel/db/transaction.js';
import { CATEGORY_INFO, NOTIFICATION_CATEGORIES, type NotificationCategory } from '../contract.js';

interface PreferenceRow {
  category: string;
  in_app: boolean;
  email: boolean;
}

/** Every category with the user's choices, or the category's defaults where they made none. */
export async function getPreferences(tx: Pick<Tx, 'client'>, userId: string) {
  const { rows } = await tx.client.query<PreferenceRow>(
    'SELECT category, in_app, email FROM notification_preferences WHERE user_id = $1',
    [userId],
  );
  const chosen = new Map(rows.map((row) => [row.category, row]));
  return {
    data: NOTIFICATION_CATEGORIES.map((category) => {
      const info = CATEGORY_INFO[category];
      const row = chosen.get(category);
      return {
        category,
        title: info.title,
        description: info.description,
        important: info.important,
        inApp: row?.in_app ?? true,
        email: row?.email ?? info.important,
      };
    }),
  };
}

/** Stores the given categories' choices (others keep theirs) and answers with all of them. */
export async function updatePreferences(
  tx: Pick<Tx, 'client'>,
  userId: string,
  preferences: readonly { category: NotificationCategory; inApp: boolean; email: boolean }[],
) {
  for (const preference of preferences) {
    await tx.client.query(
      `INSERT INTO notification_preferences (user_id, category, in_app, email, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (user_id, category) DO UPDATE SET in_app = $3, email = $4, updated_at = now()`,
      [userId, preference.category, preference.inApp, preference.email],
    );
  }
  return getPreferences(tx, userId);
}
