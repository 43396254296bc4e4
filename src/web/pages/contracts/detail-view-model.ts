// The contract page → summary lists, tables and summary cards for govuk-frontend macros.
import type { Award, Contract, ContractDetail, Lot, NetGross } from '../../../services/index.js';
import { tagName } from '../../../services/index.js';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNetGross,
  formatNumber,
  humanise,
  isoDay,
  NOT_KNOWN,
  yesNo,
} from '../../format.js';
import { html, link, type SafeHtml } from '../../html.js';

type Row = { key: { text: string }; value: { text: string } | { html: string } };

const text = (key: string, value: string | null | undefined): Row => ({
  key: { text: key },
  value: { text: value ?? NOT_KNOWN },
});
const rich = (key: string, value: SafeHtml): Row => ({
  key: { text: key },
  value: { html: value.toString() },
});

const time = (d: Date | null, withTime = false): SafeHtml =>
  d
    ? html`<time datetime="${withTime ? d.toISOString() : isoDay(d)}"
        >${withTime ? formatDateTime(d) : formatDate(d)}</time
      >`
    : html`${NOT_KNOWN}`;

function period(start: Date | null, end: Date | null): SafeHtml {
  if (!start && !end) return html`${NOT_KNOWN}`;
  if (start && end) return html`${time(start)} to ${time(end)}`;
  return start ? html`From ${time(start)}` : html`Until ${time(end)}`;
}

const LEGAL_BASES: Record<string, string> = { '2023/54': 'Procurement Act 2023' };
const BASIS: Record<string, string> = {
  contract: 'contract value',
  award: 'awarded value',
  tender: 'estimated value',
  'tender-gross': 'estimated value including VAT',
};

const valueOrNotKnown = (v: NetGross | null) => (v ? formatNetGross(v) : NOT_KNOWN);

function summaryRows(c: ContractDetail): Row[] {
  const rows: Row[] = [
    rich(
      'Buyer',
      c.buyer
        ? html`${link(`/contracts?buyerId=${c.buyer.id}`, c.buyer.name)}${c.buyer.locality ? html`<br />${c.buyer.locality}` : ''}<br />${link(
              `/organisations/${c.buyer.id}/quality`,
              'Data-quality scorecard',
              html`<span class="govuk-visually-hidden"> of ${c.buyer.name}</span>`,
            )}`
        : html`${NOT_KNOWN}`,
    ),
    rich('Open contracting ID', html`<span class="app-break">${c.ocid}</span>`),
    text('Status', c.status ? humanise(c.status) : null),
    text(
      'Procedure',
      c.procurementMethodDetails ?? (c.procurementMethod ? humanise(c.procurementMethod) : null),
    ),
    text('Category', c.mainProcurementCategory ? humanise(c.mainProcurementCategory) : null),
    text('Above threshold', yesNo(c.aboveThreshold)),
  ];
  if (c.legalBasis) rows.push(text('Legal basis', LEGAL_BASES[c.legalBasis] ?? c.legalBasis));
  if (c.specialRegimes.length > 0)
    rows.push(text('Special regime', c.specialRegimes.map(humanise).join(', ')));
  rows.push(
    rich(
      c.classifications.length === 1 ? 'CPV code' : 'CPV codes',
      c.classifications.length === 0
        ? html`${NOT_KNOWN}`
        : html`<ul class="govuk-list">
            ${c.classifications.map(
              (k) =>
                html`<li>
                  ${k.code}${k.label ? ` ${k.label}` : ''}${k.isMain && c.classifications.length > 1 ? ' (main)' : ''}${k.scheme.toUpperCase() !== 'CPV' ? ` (${k.scheme})` : ''}
                </li>`,
            )}
          </ul>`,
    ),
  );
  if (c.deliveryRegions.length > 0) rows.push(text('Delivery regions', c.deliveryRegions.join(', ')));
  rows.push(
    rich(
      'Value',
      c.value
        ? html`${formatMoney(c.value)}<br /><span class="govuk-body-s">${BASIS[c.value.basis]}</span>`
        : html`${NOT_KNOWN}`,
    ),
    text('Estimated value', valueOrNotKnown(c.values.tender)),
    text('Awarded value', formatMoney(c.values.award)),
    text('Contract value', formatMoney(c.values.contract)),
    rich('Tender period', period(c.tenderPeriod.start, c.tenderPeriod.end)),
    rich('Contract period', period(c.contractStart, c.contractEnd)),
    rich('Latest end with extensions', time(c.contractMaxExtent)),
    text('Suitable for SMEs', yesNo(c.suitableFor.sme)),
    text('Suitable for VCSEs', yesNo(c.suitableFor.vcse)),
  );
  const n = (v: number | null) => (v === null ? NOT_KNOWN : formatNumber(v));
  rows.push(
    text('Tenders received', n(c.bids.numberOfTenderers)),
    text('Final-stage bids from SMEs', n(c.bids.smeFinalStageBids)),
    text('Final-stage bids from VCSEs', n(c.bids.vcseFinalStageBids)),
    rich('First published', time(c.firstPublished, true)),
    rich('Last updated', time(c.lastUpdated, true)),
    text('Source', humanise(c.source)),
  );
  return rows;
}

function suppliersTable(c: ContractDetail) {
  if (c.suppliers.length === 0) return undefined;
  return {
    caption: 'Suppliers',
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: 'Supplier' },
      { text: 'SME' },
      { text: 'VCSE' },
      { text: 'Identifiers' },
      { text: 'Location' },
    ],
    rows: c.suppliers.map((s) => [
      {
        html: html`${link(`/contracts?supplierId=${s.id}`, s.name)}<br />${link(
            `/organisations/${s.id}/supplier`,
            'Supplier profile',
            html`<span class="govuk-visually-hidden">: ${s.name}</span>`,
          )}`.toString(),
      },
      { text: yesNo(s.sme) },
      { text: yesNo(s.vcse) },
      {
        html: (s.identifiers.length
          ? html`${s.identifiers.map((i, k) => html`${k ? html`<br />` : ''}<span class="app-break">${i.scheme}: ${i.id}</span>`)}`
          : html`${NOT_KNOWN}`
        ).toString(),
      },
      { text: [s.locality, s.postalCode].filter(Boolean).join(', ') || NOT_KNOWN },
    ]),
  };
}

function lotsTable(lots: Lot[]) {
  if (lots.length === 0) return undefined;
  return {
    caption: 'Lots',
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: 'Lot' },
      { text: 'Status' },
      { text: 'Value' },
      { text: 'Contract period' },
      { text: 'Latest end' },
      { text: 'Renewal' },
    ],
    rows: lots.map((l) => [
      { text: l.title ? `${l.id}: ${l.title}` : l.id },
      { text: l.status ? humanise(l.status) : NOT_KNOWN },
      { text: valueOrNotKnown(l.value) },
      { html: period(l.contractStart, l.contractEnd).toString() },
      { html: time(l.contractMaxExtent).toString() },
      { text: l.hasRenewal === null ? NOT_KNOWN : l.hasRenewal ? (l.renewalDescription ?? 'Yes') : 'No' },
    ]),
  };
}

function awardCard(a: Award) {
  const rows: Row[] = [
    text('Status', a.status ? humanise(a.status) : null),
    rich('Date', time(a.date)),
    text('Value', valueOrNotKnown(a.value)),
    rich(
      'Suppliers',
      a.suppliers.length
        ? html`${a.suppliers.map((s, i) => html`${i ? html`<br />` : ''}${link(`/contracts?supplierId=${s.id}`, s.name)}`)}`
        : html`${NOT_KNOWN}`,
    ),
    rich('Contract period', period(a.contractStart, a.contractEnd)),
    rich('Latest end with extensions', time(a.contractMaxExtent)),
  ];
  if (a.lotIds.length) rows.push(text(a.lotIds.length === 1 ? 'Lot' : 'Lots', a.lotIds.join(', ')));
  if (a.standstillStart || a.standstillEnd)
    rows.push(rich('Standstill period', period(a.standstillStart, a.standstillEnd)));
  if (a.aboveThreshold !== null) rows.push(text('Above threshold', yesNo(a.aboveThreshold)));
  return {
    card: { title: { text: a.title ? `Award ${a.id}: ${a.title}` : `Award ${a.id}`, headingLevel: 3 } },
    rows,
  };
}

function contractCard(k: Contract) {
  const rows: Row[] = [
    text('Status', k.status ? humanise(k.status) : null),
    rich('Signed', time(k.dateSigned)),
    text('Value', valueOrNotKnown(k.value)),
    rich('Period', period(k.periodStart, k.periodEnd)),
    rich('Latest end with extensions', time(k.maxExtent)),
    text('Award', k.awardId),
    text('Changes published', formatNumber(k.amendmentCount)),
  ];
  if (k.noAgreedMetricsRationale) rows.push(text('Why no KPIs were agreed', k.noAgreedMetricsRationale));
  return {
    card: { title: { text: k.title ? `Contract ${k.id}: ${k.title}` : `Contract ${k.id}`, headingLevel: 3 } },
    rows,
  };
}

function noticesTable(c: ContractDetail) {
  const api = `/api/contracts/${encodeURIComponent(c.ocid)}`;
  return {
    caption: 'Notices published, oldest first',
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: 'Published' },
      { text: 'Notice' },
      { text: 'Release tags' },
      { text: 'Validation findings', format: 'numeric' },
      { text: 'Data' },
    ],
    rows: c.notices.map((n) => [
      { html: time(n.date, true).toString() },
      {
        text: n.noticeType
          ? `${n.noticeType}${n.noticeTypeName ? ` ${n.noticeTypeName}` : ''}`
          : (n.documentTypeName ?? (n.documentType ? humanise(n.documentType) : NOT_KNOWN)),
      },
      { text: n.tags.map(tagName).join(', ') || NOT_KNOWN },
      { text: formatNumber(n.findingCount), format: 'numeric' },
      {
        html: link(
          `${api}/releases/${n.key}`,
          'Release JSON',
          html`<span class="govuk-visually-hidden"> of ${n.releaseId}</span>`,
        ).toString(),
      },
    ]),
  };
}

export function detailViewModel(c: ContractDetail) {
  const title = c.title ?? c.ocid;
  const api = `/api/contracts/${encodeURIComponent(c.ocid)}`;
  return {
    title,
    caption: c.buyer?.name,
    synthetic: c.synthetic,
    description: c.description ? c.description.split(/\n+/).filter((p) => p.trim() !== '') : [],
    summaryRows: summaryRows(c),
    suppliers: suppliersTable(c),
    otherParties: c.otherParties.map((p) => ({
      name: p.name,
      roles: p.roles.map(humanise).join(', ') || NOT_KNOWN,
    })),
    lots: lotsTable(c.lots),
    awards: c.awards.map(awardCard),
    contracts: c.contracts.map(contractCard),
    notices: noticesTable(c),
    noticeCount: c.notices.length,
    findings: {
      releases: c.findings.releases,
      record: c.findings.record,
      total: c.findings.releases + c.findings.record,
    },
    record: c.record
      ? {
          href: `${api}/record`,
          releaseCount: c.record.releaseCount,
          compiledAt: formatDateTime(c.record.compiledAt),
        }
      : undefined,
    apiHref: api,
    breadcrumbs: {
      items: [
        { text: 'Home', href: '/' },
        { text: 'Contracts', href: '/contracts' },
      ],
    },
  };
}
