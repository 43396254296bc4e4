// The contracts list page → parameters for govuk-frontend macros (inputs, date inputs, table, pagination).
import {
  DEFAULT_ORDER,
  PAGE_SIZES,
  tagName,
  noticeTypeName,
  type ContractList,
  type ContractQuery,
  type ContractSort,
  type ContractSummary,
  type OrganisationRef,
} from '../../../services/index.js';
import { count, formatDate, formatMoney, formatNumber, isoDay, NOT_KNOWN } from '../../format.js';
import { html, link, type SafeHtml } from '../../html.js';
import {
  nextOrder,
  pagination as tablePagination,
  sortHeader as tableSortHeader,
} from '../shared/table-nav.js';
import { formQueryString, type FormProblem, type ListForm } from './list-form.js';

export interface ListPageInput {
  form: ListForm;
  problems: FormProblem[];
  /** Present when the query was valid and ran. */
  query?: ContractQuery;
  list?: ContractList;
  named?: { buyer?: OrganisationRef; supplier?: OrganisationRef };
}

const errorFor = (problems: FormProblem[], ...ids: string[]) => {
  const p = problems.find((x) => ids.includes(x.field));
  return p ? { text: p.message } : undefined;
};

function textInput(
  form: ListForm,
  problems: FormProblem[],
  id: 'q' | 'buyer' | 'supplier' | 'cpv' | 'minValue' | 'maxValue',
  label: string,
  hint?: string,
  extra: object = {},
) {
  return {
    id,
    name: id,
    value: form[id],
    label: { text: label, classes: 'govuk-label--s' },
    ...(hint ? { hint: { text: hint } } : {}),
    errorMessage: errorFor(
      problems,
      id,
      ...(id === 'buyer' ? ['buyerId'] : id === 'supplier' ? ['supplierId'] : []),
    ),
    spellcheck: false,
    ...extra,
  };
}

function dateInput(form: ListForm, problems: FormProblem[], id: 'endFrom' | 'endTo', legend: string) {
  const problem = problems.find((p) => p.field.startsWith(`${id}-`));
  // A missing part marks that field only; a date that is not real, or out of order, marks all three.
  const onlyPart =
    problem && /must include/.test(problem.message) ? problem.field.slice(id.length + 1) : undefined;
  const marks = (part: string) => problem !== undefined && (onlyPart === undefined || onlyPart === part);
  const item = (name: 'day' | 'month' | 'year', width: number) => ({
    name,
    value: form[id][name],
    classes: `govuk-input--width-${width}${marks(name) ? ' govuk-input--error' : ''}`,
  });
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: 'For example, 31 3 2027' },
    errorMessage: problem ? { text: problem.message } : undefined,
    items: [item('day', 2), item('month', 2), item('year', 4)],
  };
}

const SORT_LABELS: Record<ContractSort, string> = {
  title: 'Title',
  value: 'Value',
  end: 'Ends',
  updated: 'Updated',
};

function sortHeader(form: ListForm, query: ContractQuery, key: ContractSort, numeric = false) {
  const current = query.sort === key ? query.order : null;
  const order = nextOrder(current, DEFAULT_ORDER[key]);
  const href = `/contracts${formQueryString(form, { sort: key, order }, ['page'])}`;
  return tableSortHeader({ label: SORT_LABELS[key], href, current, nextOrder: order, numeric });
}

function valueCell(c: ContractSummary): SafeHtml {
  if (!c.value) return html`${NOT_KNOWN}`;
  const note =
    c.value.basis === 'tender'
      ? 'estimate'
      : c.value.basis === 'tender-gross'
        ? 'estimate incl. VAT'
        : undefined;
  return html`${formatMoney(c.value)}${note ? html`<br /><span class="govuk-body-s govuk-!-margin-0">${note}</span>` : ''}`;
}

function noticesCell(c: ContractSummary): SafeHtml {
  if (c.noticeTypes.length > 0) {
    return html`${c.noticeTypes.map((t, i) => html`${i > 0 ? html`<br />` : ''}${t}${noticeTypeName(t) ? ` ${noticeTypeName(t)}` : ''}`)}`;
  }
  return html`${c.releaseTags.map(tagName).join(', ') || NOT_KNOWN}`;
}

const dateCell = (d: Date | null) =>
  d ? html`<time datetime="${isoDay(d)}">${formatDate(d)}</time>` : html`${NOT_KNOWN}`;

function row(c: ContractSummary) {
  return [
    {
      html: html`${link(`/contracts/${encodeURIComponent(c.ocid)}`, c.title ?? c.ocid)}${c.synthetic ? html` <strong class="govuk-tag govuk-tag--grey">Synthetic</strong>` : ''}`.toString(),
    },
    {
      html: (c.buyer
        ? link(`/contracts?buyerId=${c.buyer.id}`, c.buyer.name)
        : html`${NOT_KNOWN}`
      ).toString(),
    },
    { html: valueCell(c).toString(), format: 'numeric' },
    { html: dateCell(c.contractEnd).toString() },
    { html: noticesCell(c).toString() },
    { html: dateCell(c.lastUpdated).toString() },
  ];
}

function pagination(form: ListForm, list: ContractList) {
  return tablePagination({
    ...list,
    href: (n) => `/contracts${formQueryString(form, { page: n })}`,
    label: 'Contracts results pages',
  });
}

export function listViewModel({ form, problems, query, list, named }: ListPageInput) {
  const pageSize = query?.pageSize ?? (Number(form.pageSize) || PAGE_SIZES[0]);
  // Filters by id (from "more from this buyer" links) have no input: say which organisation, with a way out.
  const activeFilters: { text: string; removeHref: string }[] = [];
  if (named?.buyer) {
    activeFilters.push({
      text: `Buyer: ${named.buyer.name}`,
      removeHref: `/contracts${formQueryString({ ...form, buyerId: '' }, {}, ['page'])}`,
    });
  }
  if (named?.supplier) {
    activeFilters.push({
      text: `Supplier: ${named.supplier.name}`,
      removeHref: `/contracts${formQueryString({ ...form, supplierId: '' }, {}, ['page'])}`,
    });
  }

  let results;
  if (query && list) {
    const from = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
    const to = Math.min(list.total, list.page * list.pageSize);
    results = {
      total: list.total,
      showing:
        list.items.length > 0
          ? `Showing ${formatNumber(from)} to ${formatNumber(to)} of ${count(list.total, 'contract')}`
          : list.total > 0
            ? `There are no results on page ${formatNumber(list.page)}: there ${list.total === 1 ? 'is' : 'are'} ${count(list.total, 'contract')} in all.`
            : undefined,
      table:
        list.items.length > 0
          ? {
              caption: 'Contracts',
              captionClasses: 'govuk-visually-hidden',
              firstCellIsHeader: false,
              head: [
                sortHeader(form, query, 'title'),
                { text: 'Buyer' },
                sortHeader(form, query, 'value', true),
                sortHeader(form, query, 'end'),
                { text: 'Notices' },
                sortHeader(form, query, 'updated'),
              ],
              rows: list.items.map(row),
            }
          : undefined,
      pagination: pagination(form, list),
      csvHref: `/contracts.csv${formQueryString(form, {}, ['page', 'pageSize'])}`,
      firstPageHref: `/contracts${formQueryString(form, {}, ['page'])}`,
    };
  }

  return {
    title: 'Contracts',
    wide: true,
    errorSummary:
      problems.length > 0 ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined,
    inputs: {
      q: textInput(
        form,
        problems,
        'q',
        'Search',
        'Words in the title or description, like "heat network" or school -transport',
        { type: 'search' },
      ),
      buyer: textInput(form, problems, 'buyer', 'Buyer', 'Part of the name, like Leeds'),
      supplier: textInput(form, problems, 'supplier', 'Supplier', 'Part of the name'),
      cpv: textInput(form, problems, 'cpv', 'CPV code', 'A division, group or class, like 72 or 45210000', {
        inputmode: 'numeric',
        classes: 'govuk-input--width-10',
      }),
      minValue: textInput(form, problems, 'minValue', 'Minimum value', undefined, {
        prefix: { text: '£' },
        inputmode: 'decimal',
        classes: 'govuk-input--width-10',
      }),
      maxValue: textInput(form, problems, 'maxValue', 'Maximum value', undefined, {
        prefix: { text: '£' },
        inputmode: 'decimal',
        classes: 'govuk-input--width-10',
      }),
    },
    valueHint:
      'Compared with the best known value in pounds: the contract value, else the award, else the estimate.',
    dates: {
      endFrom: dateInput(form, problems, 'endFrom', 'Contract ends on or after'),
      endTo: dateInput(form, problems, 'endTo', 'Contract ends on or before'),
    },
    pageSize: {
      id: 'pageSize',
      name: 'pageSize',
      label: { text: 'Results per page', classes: 'govuk-label--s' },
      errorMessage: errorFor(problems, 'pageSize'),
      items: PAGE_SIZES.map((n) => ({ value: String(n), text: String(n), selected: n === pageSize })),
    },
    hidden: {
      sort: query?.sort ?? form.sort,
      order: query?.order ?? form.order,
      buyerId: form.buyerId,
      supplierId: form.supplierId,
    },
    activeFilters,
    clearHref: '/contracts',
    results,
  };
}
