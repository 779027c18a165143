/**
 * Where the synthetic customers spend, per currency: descriptions and counterparties as banks and
 * M-Pesa statements print them, so the demo exercises the real categoriser (none of these rows
 * carries its category; some carry an MCC or a partner category, as real feeds do).
 */

export interface MerchantTemplate {
  description: string;
  counterparty: string | null;
  channel: string;
  mcc?: string;
  partnerCategory?: string;
}

export type SpendKey =
  | 'groceries'
  | 'dining'
  | 'transport'
  | 'fuel'
  | 'shopping'
  | 'entertainment'
  | 'subscriptions'
  | 'travel'
  | 'gambling'
  | 'remittances'
  | 'utilities'
  | 'health'
  | 'insurance'
  | 'charity'
  | 'education'
  | 'cash'
  | 'fees'
  | 'transfers_out'
  | 'savings'
  | 'investments';

type Catalogue = Record<SpendKey, MerchantTemplate[]>;

const mpesaPaybill = (number: string, name: string): MerchantTemplate => ({
  description: `M-PESA Paybill ${number} ${name}`,
  counterparty: name,
  channel: 'mobile',
});
const mpesaBuyGoods = (name: string): MerchantTemplate => ({
  description: `M-PESA Buy Goods ${name}`,
  counterparty: name,
  channel: 'mobile',
});
const card = (description: string, counterparty: string | null, mcc?: string): MerchantTemplate => ({
  description,
  counterparty,
  channel: 'card',
  ...(mcc === undefined ? {} : { mcc }),
});
const online = (description: string, counterparty: string | null): MerchantTemplate => ({
  description,
  counterparty,
  channel: 'online',
});

const KES: Catalogue = {
  groceries: [
    mpesaBuyGoods('NAIVAS WESTLANDS'),
    mpesaBuyGoods('QUICKMART KILIMANI'),
    card('CARREFOUR TRM NAIROBI', 'Carrefour', '5411'),
    card('CHANDARANA FOODPLUS YAYA', 'Chandarana Supermarkets'),
    mpesaBuyGoods('NAIVAS MOI AVENUE'),
  ],
  dining: [
    card('JAVA HOUSE ABC PLACE', 'Java House', '5814'),
    mpesaBuyGoods('KFC JUNCTION MALL'),
    online('GLOVO ORDER NAIROBI', 'Glovo'),
    card('ARTCAFFE WESTGATE', 'Artcaffe'),
  ],
  transport: [
    online('UBER *TRIP NAIROBI', 'Uber'),
    online('BOLT.EU/O/2207', 'Bolt'),
    mpesaPaybill('511900', 'LITTLE CAB'),
    mpesaBuyGoods('SGR MADARAKA EXPRESS'),
  ],
  fuel: [
    card('SHELL LAVINGTON', 'Vivo Energy', '5541'),
    card('TOTALENERGIES NGONG RD', 'TotalEnergies', '5541'),
  ],
  shopping: [
    online('JUMIA KENYA ORDER', 'Jumia'),
    online('KILIMALL ORDER', 'Kilimall'),
    card('DECATHLON TRM', null),
  ],
  entertainment: [
    card('CENTURY CINEMAX JUNCTION', 'Century Cinemax', '7832'),
    online('TICKETMASTER EVENT', null),
  ],
  subscriptions: [
    online('NETFLIX.COM', 'Netflix'),
    online('SPOTIFY P2F1', 'Spotify'),
    mpesaPaybill('444900', 'SHOWMAX'),
    mpesaPaybill('444900', 'DSTV'),
  ],
  travel: [
    online('KENYA AIRWAYS NBO-MBA', 'Kenya Airways'),
    online('JAMBOJET BOOKING', 'Jambojet'),
    card('SAROVA WHITESANDS MOMBASA', 'Sarova Hotels', '7011'),
    online('AIRBNB * HMQ2', 'Airbnb'),
  ],
  gambling: [
    mpesaPaybill('290290', 'SportPesa'),
    mpesaPaybill('779900', 'Betway Kenya'),
    mpesaPaybill('290080', 'Betika'),
  ],
  remittances: [online('WORLDREMIT TRANSFER', 'WorldRemit'), online('WESTERN UNION 7781', 'Western Union')],
  utilities: [
    mpesaPaybill('888880', 'KPLC PREPAID TOKENS'),
    mpesaBuyGoods('SAFARICOM AIRTIME'),
    mpesaPaybill('444400', 'NAIROBI WATER'),
    mpesaPaybill('320320', 'ZUKU FIBRE'),
  ],
  health: [
    mpesaBuyGoods('GOODLIFE PHARMACY SARIT'),
    card('AGA KHAN HOSPITAL', 'Aga Khan University Hospital', '8062'),
  ],
  insurance: [
    mpesaPaybill('606060', 'JUBILEE INSURANCE PREMIUM'),
    mpesaPaybill('222222', 'NHIF CONTRIBUTION'),
  ],
  charity: [mpesaPaybill('123123', 'CHURCH TITHE'), online('KENYA RED CROSS DONATION', 'Kenya Red Cross')],
  education: [mpesaPaybill('300300', 'UNIVERSITY OF NAIROBI SCHOOL FEES'), online('UDEMY COURSE', 'Udemy')],
  cash: [
    { description: 'ATM WITHDRAWAL KCB MOI AVE', counterparty: null, channel: 'atm' },
    { description: 'M-PESA Customer Withdrawal At Agent 0712', counterparty: null, channel: 'mobile' },
  ],
  fees: [{ description: 'M-PESA TRANSACTION COST', counterparty: 'Safaricom', channel: 'mobile' }],
  transfers_out: [
    { description: 'M-PESA Send Money to JOHN KAMAU', counterparty: 'JOHN KAMAU', channel: 'mobile' },
    { description: 'M-PESA Send Money to GRACE WANJIKU', counterparty: 'GRACE WANJIKU', channel: 'mobile' },
  ],
  savings: [
    { description: 'M-SHWARI DEPOSIT', counterparty: 'M-Shwari', channel: 'mobile' },
    { description: 'STANDING ORDER TO SAVINGS ACCOUNT', counterparty: null, channel: 'transfer' },
  ],
  investments: [
    {
      description: 'CIC MONEY MARKET FUND TOP UP',
      counterparty: 'CIC Asset Management',
      channel: 'transfer',
    },
  ],
};

const GBP: Catalogue = {
  ...KES,
  groceries: [
    card("SAINSBURY'S S/MKT", "Sainsbury's", '5411'),
    card('TESCO STORES 2231', 'Tesco'),
    card('LIDL GB LONDON', 'Lidl'),
  ],
  dining: [
    card('PRET A MANGER', 'Pret', '5814'),
    online('DELIVEROO', 'Deliveroo'),
    card('NANDOS BRIXTON', "Nando's"),
  ],
  transport: [
    card('TFL TRAVEL CH', 'Transport for London', '4111'),
    online('UBER *TRIP', 'Uber'),
    online('TRAINLINE', 'Trainline'),
  ],
  fuel: [card('SHELL MAIDA VALE', 'Shell', '5541'), card('BP CONNECT', 'BP')],
  shopping: [
    online('AMAZON.CO.UK*2K3', 'Amazon'),
    card('PRIMARK OXFORD ST', 'Primark'),
    card('JOHN LEWIS', 'John Lewis'),
  ],
  entertainment: [card('ODEON CINEMAS', 'Odeon', '7832'), online('TICKETMASTER UK', 'Ticketmaster')],
  subscriptions: [
    online('NETFLIX.COM', 'Netflix'),
    online('SPOTIFY UK', 'Spotify'),
    online('AMAZON PRIME', 'Amazon'),
  ],
  travel: [
    online('BRITISH AIRWAYS', 'British Airways'),
    online('EASYJET', 'easyJet'),
    online('BOOKING.COM HOTEL', 'Booking.com'),
  ],
  gambling: [
    online('BET365', 'Bet365'),
    online('PADDY POWER', 'Paddy Power'),
    online('WILLIAM HILL', 'William Hill'),
  ],
  utilities: [
    { description: 'BRITISH GAS DD', counterparty: 'British Gas', channel: 'direct_debit' },
    { description: 'THAMES WATER DD', counterparty: 'Thames Water', channel: 'direct_debit' },
    { description: 'EE LIMITED', counterparty: 'EE', channel: 'direct_debit' },
  ],
  health: [
    card('BOOTS 1123', 'Boots'),
    { description: 'PUREGYM', counterparty: 'PureGym', channel: 'direct_debit' },
  ],
  insurance: [{ description: 'AVIVA INSURANCE', counterparty: 'Aviva', channel: 'direct_debit' }],
  charity: [{ description: 'OXFAM DONATION', counterparty: 'Oxfam', channel: 'direct_debit' }],
  cash: [{ description: 'CASH WITHDRAWAL LINK ATM', counterparty: null, channel: 'atm' }],
  fees: [{ description: 'OVERDRAFT FEE', counterparty: null, channel: 'transfer' }],
  transfers_out: [{ description: 'FASTER PAYMENT TO J SMITH', counterparty: 'J SMITH', channel: 'transfer' }],
  savings: [{ description: 'STANDING ORDER TO SAVINGS POT', counterparty: null, channel: 'transfer' }],
  investments: [{ description: 'VANGUARD ISA', counterparty: 'Vanguard', channel: 'direct_debit' }],
};

const USD: Catalogue = {
  ...GBP,
  groceries: [
    card('WALMART SUPERCENTER', 'Walmart', '5411'),
    card('KROGER #512', 'Kroger'),
    card('COSTCO WHSE', 'Costco'),
  ],
  dining: [
    card('STARBUCKS STORE 1022', 'Starbucks', '5814'),
    online('DOORDASH ORDER', 'DoorDash'),
    card('CHIPOTLE 2231', null),
  ],
  transport: [online('UBER *TRIP', 'Uber'), online('LYFT RIDE', 'Lyft')],
  fuel: [card('CHEVRON 0092', 'Chevron', '5542'), card('EXXONMOBIL 4411', 'ExxonMobil')],
  shopping: [
    online('AMAZON.COM*MK2', 'Amazon'),
    card('TARGET 00011', 'Target'),
    card('BEST BUY 221', 'Best Buy'),
  ],
  gambling: [online('DRAFTKINGS', 'DraftKings'), online('FANDUEL', 'FanDuel')],
  utilities: [
    { description: 'CON EDISON', counterparty: 'Con Edison', channel: 'direct_debit' },
    { description: 'VERIZON WIRELESS', counterparty: 'Verizon', channel: 'direct_debit' },
  ],
  transfers_out: [{ description: 'ZELLE TO MARIA LOPEZ', counterparty: 'MARIA LOPEZ', channel: 'mobile' }],
  investments: [{ description: 'ROBINHOOD FUNDING', counterparty: 'Robinhood', channel: 'transfer' }],
};

export const CATALOGUES: Record<'KES' | 'GBP' | 'USD', Catalogue> = { KES, GBP, USD };
