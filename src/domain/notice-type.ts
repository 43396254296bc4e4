// Notice types (domain.md §2). FTS marks every notice in `…documents[].noticeType` (ocds_uk_extension
// `Document.noticeType`). Rule: classify a release by `noticeType` on the document whose `id` equals the release
// `id`, not by `tag`. That document sits in `planning.documents` (UK1–UK3), `tender.documents` (UK4, UK12 and up)
// or `awards[].documents` (UK5–UK7); we also look in `contracts[]` and their implementation, where UK7–UK11
// documents may appear (domain.md §2, [?]). Older regimes and other platforms (Contracts Finder, PCS, Sell2Wales)
// publish no noticeType: then we fall back to the documentType of that document, then to the release tag.

/** The stable internal meaning of a notice; UK codes map onto it (domain.md §2: "keep the notice meaning"). */
export type NoticeKind =
  | 'pipeline'
  | 'market-engagement'
  | 'planned-procurement'
  | 'planning'
  | 'tender'
  | 'transparency'
  | 'contract-award'
  | 'contract-details'
  | 'payments-compliance'
  | 'contract-performance'
  | 'contract-change'
  | 'contract-termination'
  | 'procurement-termination'
  | 'award-cancellation'
  | 'dynamic-market-intention'
  | 'dynamic-market-establishment'
  | 'dynamic-market-modification'
  | 'dynamic-market-cessation'
  | 'payments'
  | 'implementation';

export interface NoticeTypeInfo {
  code: string;
  kind: NoticeKind;
  name: string;
  /** Statute section (Procurement Act 2023), as domain.md §2 lists it. */
  section: string;
}

/**
 * UK1–UK17. UK8 vs UK17 is unverified (domain.md §2: "secondary sources conflict"): the kind, not the code, is what
 * analytics use, so a correction later changes this table only.
 */
export const UK_NOTICE_TYPES: readonly NoticeTypeInfo[] = [
  { code: 'UK1', kind: 'pipeline', name: 'Pipeline', section: 's.93' },
  { code: 'UK2', kind: 'market-engagement', name: 'Preliminary market engagement', section: 's.16–17' },
  { code: 'UK3', kind: 'planned-procurement', name: 'Planned procurement', section: 's.15' },
  { code: 'UK4', kind: 'tender', name: 'Tender', section: 's.21' },
  { code: 'UK5', kind: 'transparency', name: 'Transparency', section: 's.44' },
  { code: 'UK6', kind: 'contract-award', name: 'Contract award', section: 's.50' },
  { code: 'UK7', kind: 'contract-details', name: 'Contract details', section: 's.53' },
  { code: 'UK8', kind: 'payments-compliance', name: 'Payments compliance', section: 's.69' },
  { code: 'UK9', kind: 'contract-performance', name: 'Contract performance', section: 's.71' },
  { code: 'UK10', kind: 'contract-change', name: 'Contract change', section: 's.75' },
  { code: 'UK11', kind: 'contract-termination', name: 'Contract termination', section: 's.80' },
  { code: 'UK12', kind: 'procurement-termination', name: 'Procurement termination', section: 's.55' },
  { code: 'UK13', kind: 'dynamic-market-intention', name: 'Dynamic market intention', section: 's.39–40' },
  {
    code: 'UK14',
    kind: 'dynamic-market-establishment',
    name: 'Dynamic market establishment',
    section: 's.39–40',
  },
  {
    code: 'UK15',
    kind: 'dynamic-market-modification',
    name: 'Dynamic market modification',
    section: 's.39–40',
  },
  { code: 'UK16', kind: 'dynamic-market-cessation', name: 'Dynamic market cessation', section: 's.39–40' },
  { code: 'UK17', kind: 'payments', name: 'Information about payments over £30,000', section: 's.70' },
];

const BY_CODE = new Map(UK_NOTICE_TYPES.map((t) => [t.code, t]));

/** `UK6`, `uk6`, `UK 6` → `UK6`; other text is returned trimmed (an unknown code is kept, not dropped). */
export function normaliseNoticeType(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const m = /^uk\s*-?\s*(\d{1,2})$/i.exec(text);
  return m ? `UK${Number(m[1])}` : text;
}

export function noticeTypeInfo(code: string | null): NoticeTypeInfo | null {
  return code ? (BY_CODE.get(code) ?? null) : null;
}

/** OCDS + UK extension document types that announce a notice, and what they mean. */
const DOCUMENT_KINDS: Record<string, NoticeKind> = {
  plannedProcurementNotice: 'planning',
  marketEngagementNotice: 'market-engagement',
  tenderNotice: 'tender',
  awardNotice: 'contract-award',
  contractNotice: 'contract-details', // in tender.documents (PCS, Sell2Wales: EU "contract notice") it is a tender
  tenderCancellationNotice: 'procurement-termination',
  contractTerminationNotice: 'contract-termination',
  implementationNotice: 'contract-performance',
};

/** OCDS release tags (codelist releaseTag) and what they announce; `compiled` announces nothing. */
const TAG_KINDS: Record<string, NoticeKind> = {
  planning: 'planning',
  planningUpdate: 'planning',
  tender: 'tender',
  tenderAmendment: 'tender',
  tenderUpdate: 'tender',
  tenderCancellation: 'procurement-termination',
  award: 'contract-award',
  awardUpdate: 'contract-award',
  awardCancellation: 'award-cancellation',
  contract: 'contract-details',
  contractUpdate: 'contract-details',
  contractAmendment: 'contract-change',
  implementation: 'implementation',
  implementationUpdate: 'implementation',
  contractTermination: 'contract-termination',
};

export type ClassifiedBy = 'noticeType' | 'documentType' | 'tag' | 'none';

export interface NoticeClassification {
  /** The UK code as published and normalised (`UK6`), or null. */
  noticeType: string | null;
  kind: NoticeKind | null;
  /** documentType of the notice document, or of the first notice-like document of the release. */
  documentType: string | null;
  classifiedBy: ClassifiedBy;
  /** Where the notice document was found: `planning`, `tender`, `awards`, `contracts`, `implementation`. */
  section: string | null;
  title: string | null;
  url: string | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

interface PlacedDocument {
  section: string;
  doc: Json;
}

function documentsOf(release: Json): PlacedDocument[] {
  const out: PlacedDocument[] = [];
  const add = (section: string, docs: unknown) => {
    for (const d of arr(docs)) {
      const doc = obj(d);
      if (doc) out.push({ section, doc });
    }
  };
  add('planning', obj(release.planning)?.documents);
  add('tender', obj(release.tender)?.documents);
  for (const a of arr(release.awards)) add('awards', obj(a)?.documents);
  for (const c of arr(release.contracts)) {
    add('contracts', obj(c)?.documents);
    add('implementation', obj(obj(c)?.implementation)?.documents);
  }
  return out;
}

function kindOfDocument(documentType: string | null, section: string | null): NoticeKind | null {
  if (!documentType) return null;
  if (documentType === 'contractNotice' && (section === 'tender' || section === 'planning')) return 'tender';
  return DOCUMENT_KINDS[documentType] ?? null;
}

function kindOfTags(tags: readonly unknown[]): NoticeKind | null {
  for (const t of tags) {
    const kind = typeof t === 'string' ? TAG_KINDS[t] : undefined;
    if (kind) return kind;
  }
  return null;
}

/**
 * Classifies one release (not a compiled release): noticeType of the document whose id equals the release id;
 * else that document's documentType; else the first tag that announces something (`["award","contract"]` → award).
 */
export function classifyRelease(release: unknown, tags?: readonly unknown[]): NoticeClassification {
  const r = obj(release) ?? {};
  const releaseId = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null;
  const releaseTags = tags ?? arr(r.tag);
  const docs = documentsOf(r);
  const own = releaseId === null ? [] : docs.filter((d) => String(d.doc.id ?? '') === releaseId);
  const withType = own.find((d) => text(d.doc.noticeType)) ?? own[0];
  const base = (placed: PlacedDocument | undefined) => ({
    section: placed?.section ?? null,
    title: placed ? (text(placed.doc.title) ?? text(placed.doc.description)) : null,
    url: placed ? text(placed.doc.url) : null,
    documentType: placed ? text(placed.doc.documentType) : null,
  });
  if (withType) {
    const noticeType = normaliseNoticeType(withType.doc.noticeType);
    const b = base(withType);
    if (noticeType)
      return { ...b, noticeType, kind: noticeTypeInfo(noticeType)?.kind ?? null, classifiedBy: 'noticeType' };
    const kind = kindOfDocument(b.documentType, b.section);
    if (kind) return { ...b, noticeType: null, kind, classifiedBy: 'documentType' };
  }
  // No document of its own: the notice-like document of this release, for its type, title and link.
  const tagKind = kindOfTags(releaseTags);
  const docKind = (d: PlacedDocument) => kindOfDocument(text(d.doc.documentType), d.section);
  const noticeDoc =
    withType ??
    (tagKind ? docs.find((d) => docKind(d) === tagKind) : undefined) ??
    docs.find((d) => docKind(d) !== null);
  const b = base(noticeDoc);
  if (tagKind) return { ...b, noticeType: null, kind: tagKind, classifiedBy: 'tag' };
  const kind = kindOfDocument(b.documentType, b.section);
  if (kind) return { ...b, noticeType: null, kind, classifiedBy: 'documentType' };
  return { ...b, noticeType: null, kind: null, classifiedBy: 'none' };
}
