// The spend layouts: which published header feeds which payment field. Built from the real files in
// shared/data/uk-more/spend (ten public bodies' payments files and Hyndburn's raw monthly files); documented with
// examples in docs/local-data.md. Synonyms are normalised headers (header.ts), most specific first.
import { headerScore, mapHeader, type FieldSpec, type HeaderMapping } from '../shared/header.js';

export type SpendField =
  | 'body'
  | 'bodyUri'
  | 'supplierName'
  | 'supplierId'
  | 'supplierCompanyNumber'
  | 'supplierCharityNumber'
  | 'paymentDate'
  | 'net'
  | 'gross'
  | 'vat'
  | 'amount'
  | 'transactionId'
  | 'expenseType'
  | 'serviceArea'
  | 'directorate'
  | 'categoryCode'
  | 'category'
  | 'description'
  | 'vcse';

export const SPEND_FIELDS: readonly FieldSpec<SpendField>[] = [
  {
    field: 'body',
    synonyms: [
      'bodyname',
      'authorityname',
      'organisationlabel',
      'organisationname',
      'organistionname',
      'entity',
      'body',
    ],
  },
  // The body's URI (Calderdale's `Body`: a statistics.data.gov.uk local authority URI; Trafford's
  // `OrganisationURI`): read for the buyer's local authority code (row.ts), after `body` took the name column.
  { field: 'bodyUri', synonyms: ['organisationuri', 'bodyuri', 'body'] },
  {
    field: 'supplierName',
    synonyms: [
      'suppliernamet',
      'supplierbeneficiaryname',
      'beneficiaryname',
      'suppliername',
      'vendorname',
      'supplier',
      'payee',
      'name',
    ],
  },
  { field: 'supplierId', synonyms: ['vendorid', 'supplierid', 'beneficiaryotherid', 'suppliernumber'] },
  { field: 'supplierCompanyNumber', synonyms: ['supplierregisteredcompanynumber', 'companynumber'] },
  { field: 'supplierCharityNumber', synonyms: ['supplierregisteredcharitynumber', 'charitynumber'] },
  {
    field: 'paymentDate',
    synonyms: [
      'paymentdate',
      'invoicepaymentdate',
      'dateofpayment',
      'paiddate',
      'clearingdate',
      'transactiondate',
      'invoicegldate',
      'date',
    ],
  },
  {
    field: 'net',
    synonyms: ['netamount', 'invoicelinevaluenetofvat', 'totalexcludesvat', 'amountexcludingvat', 'net'],
  },
  { field: 'gross', synonyms: ['grossamount', 'gross'] },
  { field: 'vat', synonyms: ['vatamount', 'vat', 'irrecoverablevatamount', 'irrecoverablevat'] },
  { field: 'amount', synonyms: ['amount', 'amountpaid', 'spend', 'value'] },
  {
    field: 'transactionId',
    synonyms: [
      'transactionnumber',
      'transactionno',
      'documentno',
      'documentnumber',
      'internalrefnumber',
      'internalref',
      'hbcrefno',
      'invoicenumber',
    ],
  },
  {
    field: 'expenseType',
    synonyms: [
      'expensetype',
      'expensestype',
      'expenditurecodet',
      'expenditurecode',
      'expenditureaccountcodedescription',
      'expenditureaccount',
      'gldescription',
      'accountdetail',
      'groupdescription',
      'account',
    ],
  },
  {
    field: 'serviceArea',
    synonyms: [
      'servicearea',
      'servicelabelt',
      'servicelabel',
      'expensearea',
      'serviceexpenditureanalysis',
      'servicecostcentre',
      'organisationalunit',
      'costcentrename',
      'service',
    ],
  },
  { field: 'directorate', synonyms: ['directorate', 'directotate', 'departmentarea'] },
  // A code column, its scheme named by its header (register/layout.ts categoryScheme): Trafford's `ProclassCode`,
  // Calderdale's `Proclass`. Before `category`, so the code column is not read as the category's text.
  { field: 'categoryCode', synonyms: ['proclasscode', 'proclass', 'cpvcode'] },
  {
    field: 'category',
    synonyms: [
      'expenditurecategoryt',
      'expenditurecategory',
      'procurementclassificationcouncilsprocurementcategoryname',
      'proclasslabel',
      'merchantcategory',
      'categoryfamily',
    ],
  },
  {
    field: 'description',
    synonyms: ['description', 'narrative', 'extendeddescription', 'purpose', 'purposeofspendsummary'],
  },
  // Calderdale: `Y` on payments to VCSE suppliers, blank otherwise (row.ts: blank is not stated, never "no").
  { field: 'vcse', synonyms: ['voluntarycommunityandsocialenterprisesupplier', 'vcsesupplier', 'vcse'] },
];

/** A payments header names the supplier, the date and an amount. */
export function isSpendHeader(cells: readonly string[]): boolean {
  const { columns } = mapHeader(cells, SPEND_FIELDS);
  const hasAmount = columns.net !== undefined || columns.amount !== undefined || columns.gross !== undefined;
  return hasAmount && headerScore(cells, SPEND_FIELDS, ['supplierName', 'paymentDate']) === 2;
}

export function mapSpendHeader(cells: readonly string[]): HeaderMapping<SpendField> {
  return mapHeader(cells, SPEND_FIELDS);
}
