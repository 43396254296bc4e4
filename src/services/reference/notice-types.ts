// Names of the Procurement Act 2023 notices (UK1–UK17) and of the OCDS document types older notices carry.
// Source: /work/shared/docs/domain.md §2 (FTS packages for UK1, UK4, UK6; secondary sources for the rest).
// Which code is UK8 and which is UK17 is unverified there; the names follow that table.
// TODO(domain): move to src/domain/notice-types.ts when the domain module lands, and read it from there.

const UK_NOTICES: Record<string, string> = {
  UK1: 'Pipeline notice',
  UK2: 'Preliminary market engagement notice',
  UK3: 'Planned procurement notice',
  UK4: 'Tender notice',
  UK5: 'Transparency notice',
  UK6: 'Contract award notice',
  UK7: 'Contract details notice',
  UK8: 'Payments compliance notice',
  UK9: 'Contract performance notice',
  UK10: 'Contract change notice',
  UK11: 'Contract termination notice',
  UK12: 'Procurement termination notice',
  UK13: 'Dynamic market notice (utilities intention)',
  UK14: 'Dynamic market notice (establishment)',
  UK15: 'Dynamic market notice (modification)',
  UK16: 'Dynamic market notice (cessation)',
  UK17: 'Payments notice (over £30,000)',
};

// OCDS documentType codelist entries used for notices (Contracts Finder, Sell2Wales, Public Contracts Scotland).
const DOCUMENT_TYPES: Record<string, string> = {
  plannedProcurementNotice: 'Planned procurement notice',
  marketEngagementNotice: 'Market engagement notice',
  tenderNotice: 'Tender notice',
  awardNotice: 'Award notice',
  contractNotice: 'Contract notice',
  completionCertificate: 'Completion certificate',
  implementationNotice: 'Implementation notice',
  contractTerminationNotice: 'Contract termination notice',
  tenderCancellationNotice: 'Tender cancellation notice',
};

/** "UK6" → "Contract award notice"; undefined for codes we do not know (shown as the bare code). */
export const noticeTypeName = (code: string): string | undefined => UK_NOTICES[code.toUpperCase()];

export const documentTypeName = (code: string): string | undefined => DOCUMENT_TYPES[code];

/** "awardUpdate" → "Award update": release tags from the OCDS releaseTag codelist, in words. */
export function tagName(tag: string): string {
  const words = tag.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
