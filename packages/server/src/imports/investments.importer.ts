import {
  ASSET_CODE_PATTERN,
  createInvestmentBodySchema,
  INVESTMENT_SOURCES,
  type InvestmentSource,
  type OriginalAmount,
  ruleReason,
  type Trilingual,
} from '@kadr/contracts';
import {
  agreementsRepository,
  type Db,
  equipmentRepository,
  investmentsRepository,
  labsRepository,
  organisationsRepository,
} from '@kadr/db';
import { asText, date, kzt, oneOf, type Parsed } from './columns.ts';
import {
  cellIssue,
  type CellIssue,
  checkRow,
  type Importer,
  REQUIRED,
  type RowIssue,
  type ValidRow,
} from './importer.ts';

/** A share of an imported investment: a lab code or an inventory number, and tiyn. */
export interface AllocationCell {
  asset: 'lab' | 'equipment';
  code: string;
  amountTiyn: number;
}

/** An investment row; partner, agreement and assets are named by short name, number and code. */
export interface InvestmentRow {
  investedOn: string;
  source: InvestmentSource;
  amountTiyn: number;
  partner: string | null;
  agreement: string | null;
  original: OriginalAmount | null;
  description: Trilingual;
  allocations: AllocationCell[];
}

/** `lab:CODE=amount`, the code by the contracts' asset-code pattern. */
const ALLOCATION_ITEM = new RegExp(
  `^(lab|equipment|eq):\\s*(${ASSET_CODE_PATTERN.source.slice(1, -1)})\\s*=\\s*(.+)$`,
  'i',
);

/** Reads `lab:PCH-101=1500000; equipment:KDTU-EQ-0001=250000.50` (items separated by `;`, `|` or lines). */
export function parseAllocations(t: string): Parsed<AllocationCell[]> {
  const items = t
    .split(/[;|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const cells: AllocationCell[] = [];
  for (const item of items) {
    const match = ALLOCATION_ITEM.exec(item);
    const tiyn = match ? kzt(match[3]!) : undefined;
    if (!match || !tiyn?.ok)
      return {
        ok: false,
        message: `Cannot read "${item}": write lab:CODE=amount or equipment:INVENTORY=amount`,
        reason: ruleReason('listItem'),
      };
    cells.push({
      asset: match[1]!.toLowerCase() === 'lab' ? 'lab' : 'equipment',
      code: match[2]!,
      amountTiyn: tiyn.value,
    });
  }
  return { ok: true, value: cells };
}

/** The file's column of each field of the API's create body. */
const COLUMN_OF: Record<string, string> = {
  source: 'source',
  organisationId: 'partner',
  agreementId: 'agreement',
  amountTiyn: 'amount_kzt',
  'original.currency': 'currency',
  'original.amount': 'original_amount',
  'original.rate': 'rate',
  investedOn: 'date',
  'description.kk': 'description_kk',
  'description.ru': 'description_ru',
  'description.en': 'description_en',
  allocations: 'allocations',
};

/** The foreign amount of a row: all three cells or none. */
function originalOf(v: Record<string, unknown>): { original: OriginalAmount | null; issue?: CellIssue } {
  const given = ['currency', 'original_amount', 'rate'].filter((c) => v[c] !== undefined);
  if (given.length === 0) return { original: null };
  if (given.length < 3)
    return {
      original: null,
      issue: {
        column: 'currency',
        message: 'Give currency, original_amount and rate together',
        reason: REQUIRED,
      },
    };
  return {
    original: { currency: v.currency as string, amount: v.original_amount as string, rate: v.rate as string },
  };
}

/**
 * The API's create body for a row, with stand-in ids (1) for the partner, the agreement and each asset,
 * which the file names by short name, number and code and `check` resolves against the database.
 */
function bodyOf(value: InvestmentRow) {
  return {
    source: value.source,
    organisationId: value.partner ? 1 : null,
    agreementId: value.agreement ? 1 : null,
    amountTiyn: value.amountTiyn,
    original: value.original,
    investedOn: value.investedOn,
    description: value.description,
    allocations: value.allocations.map((a) => ({ labId: 1, amountTiyn: a.amountTiyn })),
  };
}

async function referenceIssues(db: Db, rows: ValidRow<InvestmentRow>[]): Promise<RowIssue[]> {
  const issues: RowIssue[] = [];
  const agreements = await agreementsRepository.findByNumbers(
    db,
    rows.flatMap((r) => (r.value.agreement ? [r.value.agreement] : [])),
  );
  const labs = await labsRepository.idsByCode(
    db,
    rows.flatMap((r) => r.value.allocations.filter((a) => a.asset === 'lab').map((a) => a.code)),
  );
  const items = await equipmentRepository.idsByInventoryNumber(
    db,
    rows.flatMap((r) => r.value.allocations.filter((a) => a.asset === 'equipment').map((a) => a.code)),
  );
  for (const { row, value } of rows) {
    const partner = value.partner
      ? await organisationsRepository.findByShortName(db, value.partner)
      : undefined;
    if (value.partner && !partner)
      issues.push({
        row,
        ...cellIssue('partner', 'exists', `No organisation with short name ${value.partner}`),
      });
    const agreement = value.agreement ? agreements.get(value.agreement) : undefined;
    if (value.agreement && !agreement)
      issues.push({ row, ...cellIssue('agreement', 'exists', `No agreement number ${value.agreement}`) });
    if (partner && agreement && !agreement.partyIds.includes(partner.id))
      issues.push({
        row,
        ...cellIssue(
          'agreement',
          'partyToAgreement',
          `${value.partner} is not a party to ${value.agreement}`,
        ),
      });
    for (const a of value.allocations) {
      if (!(a.asset === 'lab' ? labs : items).has(a.code))
        issues.push({
          row,
          ...cellIssue(
            'allocations',
            'exists',
            `No ${a.asset === 'lab' ? 'lab' : 'equipment item'} ${a.code}`,
          ),
        });
    }
  }
  return issues;
}

/** Investments: one row per investment, its allocations in one cell. */
export const investmentsImporter: Importer<InvestmentRow> = {
  kind: 'investments',
  entity: 'investment',
  columns: [
    { name: 'date', required: true, format: 'YYYY-MM-DD or DD.MM.YYYY', example: '2024-03-15', parse: date },
    {
      name: 'source',
      required: true,
      format: INVESTMENT_SOURCES.join(' | '),
      example: 'ppp_partner',
      parse: oneOf(INVESTMENT_SOURCES),
    },
    {
      name: 'amount_kzt',
      required: true,
      format: 'Tenge, at most 2 decimals',
      example: '51234000.00',
      parse: kzt,
    },
    {
      name: 'partner',
      required: false,
      format: 'Short name of the organisation (required for ppp_partner)',
      example: 'ERG',
      parse: asText,
    },
    {
      name: 'agreement',
      required: false,
      format: 'Agreement number (required for ppp_partner)',
      example: 'PPP-2018-ERG',
      parse: asText,
    },
    {
      name: 'currency',
      required: false,
      format: 'ISO 4217 code when paid in another currency',
      example: 'EUR',
      parse: (t) => asText(t.toUpperCase()),
    },
    {
      name: 'original_amount',
      required: false,
      format: 'Amount in that currency, at most 2 decimals',
      example: '100000.00',
      parse: (t) => asText(t.replace(',', '.')),
    },
    {
      name: 'rate',
      required: false,
      format:
        'Tenge per unit, at most 6 decimals; amount_kzt must equal original_amount × rate within 1 tenge',
      example: '512.34',
      parse: (t) => asText(t.replace(',', '.')),
    },
    {
      name: 'description_kk',
      required: false,
      format: 'What the money was for, in Kazakh, up to 2000 characters',
      example: 'Металлургия зертханасына арналған спектрометр',
      parse: asText,
    },
    {
      name: 'description_ru',
      required: false,
      format: 'In Russian, up to 2000 characters',
      example: 'Спектрометр для лаборатории металлургии',
      parse: asText,
    },
    {
      name: 'description_en',
      required: false,
      format: 'In English, up to 2000 characters',
      example: 'Spectrometer for the metallurgy lab',
      parse: asText,
    },
    {
      name: 'allocations',
      required: true,
      format:
        'lab:CODE=amount; equipment:INVENTORY=amount (tenge; the amounts sum to amount_kzt; quote the cell in a ";" CSV)',
      example: 'lab:MET-201=1234000; equipment:KDTU-EQ-0101=50000000',
      parse: parseAllocations,
    },
  ],

  build(v) {
    const { original, issue } = originalOf(v);
    const value: InvestmentRow = {
      investedOn: v.date as string,
      source: v.source as InvestmentSource,
      amountTiyn: v.amount_kzt as number,
      partner: (v.partner as string) ?? null,
      agreement: (v.agreement as string) ?? null,
      original,
      description: {
        kk: (v.description_kk as string) ?? '',
        ru: (v.description_ru as string) ?? '',
        en: (v.description_en as string) ?? '',
      },
      allocations: (v.allocations as AllocationCell[]) ?? [],
    };
    const issues: CellIssue[] = issue ? [issue] : [];
    const keys = value.allocations.map((a) => `${a.asset}:${a.code.toLowerCase()}`);
    if (new Set(keys).size !== keys.length)
      issues.push(cellIssue('allocations', 'allocatedOnce', 'An asset is allocated twice'));
    const checked = checkRow(createInvestmentBodySchema, bodyOf(value), COLUMN_OF);
    issues.push(
      ...checked.issues.map((i) => ({
        ...i,
        column: i.column || 'amount_kzt',
        message: i.message.replace('tiyn', 'tiyn (1/100 tenge)'),
      })),
    );
    return { value, issues };
  },

  check: referenceIssues,

  async write(tx, rows) {
    const out: { id: number; after: unknown }[] = [];
    for (const row of rows) {
      const partner = row.partner
        ? await organisationsRepository.findByShortName(tx, row.partner)
        : undefined;
      const agreement = row.agreement
        ? (await agreementsRepository.findByNumbers(tx, [row.agreement])).get(row.agreement)
        : undefined;
      const labs = await labsRepository.idsByCode(
        tx,
        row.allocations.filter((a) => a.asset === 'lab').map((a) => a.code),
      );
      const items = await equipmentRepository.idsByInventoryNumber(
        tx,
        row.allocations.filter((a) => a.asset === 'equipment').map((a) => a.code),
      );
      const created = await investmentsRepository.create(
        tx,
        {
          source: row.source,
          organisationId: partner?.id ?? null,
          agreementId: agreement?.id ?? null,
          amountTiyn: row.amountTiyn,
          original: row.original,
          investedOn: row.investedOn,
          description: row.description,
        },
        row.allocations.map((a) => ({
          labId: a.asset === 'lab' ? labs.get(a.code)! : null,
          equipmentId: a.asset === 'equipment' ? items.get(a.code)! : null,
          amountTiyn: a.amountTiyn,
        })),
      );
      out.push({ id: created.id, after: created });
    }
    return out;
  },
};
