/**
 * ISO 18245 merchant category codes onto the taxonomy. An MCC comes from the card network, so
 * it is the strongest evidence the categoriser gets. Ranges cover the airline (3000–3350), car
 * rental (3351–3500) and hotel (3501–3999) brand codes; single codes the rest.
 */

const SINGLE: Record<string, string[]> = {
  groceries: ['5411', '5422', '5441', '5451', '5462', '5499', '5300'],
  dining: ['5811', '5812', '5813', '5814'],
  fuel: ['5541', '5542', '5983', '5552'],
  transport: ['4111', '4112', '4121', '4131', '4784', '4789', '7523', '7531', '7538'],
  travel: ['4411', '4511', '4582', '4722', '4723', '7011', '7012', '7033', '7512', '7513', '7519'],
  utilities: ['4812', '4814', '4816', '4821', '4900'],
  subscriptions: ['4899', '5968', '5818'],
  shopping: [
    '5045',
    '5094',
    '5200',
    '5211',
    '5251',
    '5261',
    '5309',
    '5310',
    '5311',
    '5331',
    '5399',
    '5611',
    '5621',
    '5631',
    '5641',
    '5651',
    '5655',
    '5661',
    '5691',
    '5699',
    '5712',
    '5722',
    '5732',
    '5733',
    '5734',
    '5735',
    '5931',
    '5940',
    '5941',
    '5942',
    '5943',
    '5944',
    '5945',
    '5947',
    '5948',
    '5964',
    '5965',
    '5969',
    '5977',
    '5992',
    '5995',
    '5999',
  ],
  entertainment: [
    '5815',
    '5816',
    '5817',
    '7829',
    '7832',
    '7841',
    '7911',
    '7922',
    '7929',
    '7932',
    '7933',
    '7941',
    '7991',
    '7994',
    '7996',
    '7998',
    '7999',
  ],
  gambling: ['7800', '7801', '7802', '7995', '9406', '9754'],
  health: [
    '5122',
    '5912',
    '5975',
    '5976',
    '7997',
    '8011',
    '8021',
    '8031',
    '8041',
    '8042',
    '8043',
    '8049',
    '8050',
    '8062',
    '8071',
    '8099',
  ],
  education: ['8211', '8220', '8241', '8244', '8249', '8299', '8351'],
  charity: ['8398', '8661'],
  insurance: ['5960', '6300', '6381'],
  cash: ['6010', '6011', '6051'],
  remittances: ['4829'],
  investments: ['6211'],
  transfers: ['6012', '6540'],
  rent: ['6513'],
  fees: ['9211', '9222', '9223', '9311', '9399'],
};

const RANGES: { from: number; to: number; category: string }[] = [
  { from: 3000, to: 3350, category: 'travel' },
  { from: 3351, to: 3500, category: 'travel' },
  { from: 3501, to: 3999, category: 'travel' },
];

const BY_CODE = new Map<string, string>();
for (const [category, codes] of Object.entries(SINGLE)) for (const code of codes) BY_CODE.set(code, category);

/** The taxonomy category of a four-digit MCC, or null when the code is unknown or malformed. */
export function categoryForMcc(mcc: string): string | null {
  const direct = BY_CODE.get(mcc);
  if (direct !== undefined) return direct;
  if (mcc.length !== 4) return null;
  const code = Number(mcc);
  if (!Number.isInteger(code)) return null;
  for (const range of RANGES) if (code >= range.from && code <= range.to) return range.category;
  return null;
}
