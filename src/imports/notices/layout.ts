// Contracts Finder notice export layouts: flattened notice rows (one row per notice, not OCDS) → notice fields.
// Built from the Lancashire councils' export (shared/data/uk-more/contracts-finder-lancashire: the snake_case fields
// of Contracts Finder's search_notices API) plus the column titles of Contracts Finder's own notices CSV download
// (`Notice Identifier`, `Organisation Name`, `Awarded Value`, `Supplier Is SME`…). Documented in docs/local-data.md.
import { headerScore, mapHeader, type FieldSpec, type HeaderMapping } from '../shared/header.js';

export const NOTICE_FIELDS = [
  { field: 'noticeId', synonyms: ['noticeidentifier', 'noticeid', 'id'] },
  { field: 'title', synonyms: ['title', 'noticetitle'] },
  { field: 'description', synonyms: ['description', 'noticedescription'] },
  { field: 'organisation', synonyms: ['organisationname', 'organisation', 'buyername', 'buyer'] },
  { field: 'status', synonyms: ['status', 'noticestatus'] },
  { field: 'noticeType', synonyms: ['noticetype', 'type'] },
  { field: 'publishedDate', synonyms: ['publisheddate', 'publicationdate', 'published'] },
  { field: 'deadlineDate', synonyms: ['deadlinedate', 'closingdate', 'deadline'] },
  { field: 'awardedDate', synonyms: ['awardeddate', 'awarddate'] },
  { field: 'valueLow', synonyms: ['valuelow', 'minvalue'] },
  { field: 'valueHigh', synonyms: ['valuehigh', 'maxvalue'] },
  { field: 'awardedValue', synonyms: ['awardedvalue', 'awardvalue'] },
  { field: 'supplierName', synonyms: ['awardedsupplier', 'suppliername', 'supplier'] },
  { field: 'awardedToSme', synonyms: ['awardedtosme', 'supplierissme'] },
  { field: 'suitableForSme', synonyms: ['suitableforsme', 'issuitableforsme'] },
  { field: 'cpvCodes', synonyms: ['cpvcodes', 'cpvcode', 'cpv'] },
  { field: 'cpvDescription', synonyms: ['cpvdescription', 'cpvdescriptions'] },
  { field: 'region', synonyms: ['region'] },
  { field: 'postcode', synonyms: ['postcode'] },
  { field: 'url', synonyms: ['url', 'noticeurl', 'link'] },
] as const satisfies readonly FieldSpec<string>[];

export type NoticeField = (typeof NOTICE_FIELDS)[number]['field'];

/** A notice export header names the notice (its id or link), its title, and a date or status. */
export function isNoticeHeader(cells: readonly string[]): boolean {
  const score = (fields: NoticeField[]) => headerScore(cells, NOTICE_FIELDS, fields) > 0;
  return (
    score(['noticeId', 'url']) &&
    score(['title']) &&
    score(['publishedDate', 'awardedDate', 'status', 'noticeType'])
  );
}

export function mapNoticeHeader(cells: readonly string[]): HeaderMapping<NoticeField> {
  return mapHeader(cells, NOTICE_FIELDS);
}
