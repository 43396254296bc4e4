// What the data-quality pages share: their addresses, and how scores, rates and days read.
import { formatDate, humanise } from '../../format.js';

export const qualityHref = {
  league: '/quality',
  method: (anchor?: string) => `/quality/method${anchor ? `#${anchor}` : ''}`,
  scorecard: (id: number) => `/organisations/${id}/quality`,
  check: (id: number, checkId: string) =>
    `/organisations/${id}/quality/checks/${encodeURIComponent(checkId)}`,
  across: (checkId: string) => `/quality/checks/${encodeURIComponent(checkId)}`,
  api: {
    league: '/api/quality/organisations',
    csv: '/api/quality/organisations.csv',
    scorecard: (id: number) => `/api/quality/organisations/${id}`,
    check: (id: number, checkId: string) =>
      `/api/quality/organisations/${id}/checks/${encodeURIComponent(checkId)}`,
    across: (checkId: string) => `/api/quality/checks/${encodeURIComponent(checkId)}`,
  },
};

/** 25 November 2026, from a UK day (YYYY-MM-DD). */
export const formatDay = (day: string): string => formatDate(new Date(`${day}T12:00:00Z`));

export const scoreText = (score: number | null): string => (score === null ? 'Not scored' : String(score));

/** 83% (whole percent), or "None applied" when the check judged nothing. */
export const rateText = (rate: number | null): string =>
  rate === null ? 'None applied' : `${Math.round(rate * 100)}%`;

/** "Public authority sub central government"; "Not published" when unknown. */
export const buyerTypeText = (t: string | null): string => (t === null ? 'Not published' : humanise(t));

export const SEVERITY_TEXT: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** govukBreadcrumbs parameters: Home › Data quality › what is given. */
export const qualityBreadcrumbs = (...more: { text: string; href: string }[]) => ({
  items: [{ text: 'Home', href: '/' }, { text: 'Data quality', href: qualityHref.league }, ...more],
});

/** Table heads of a check's counts, after the columns naming what is counted. */
export const COUNT_HEADS = ['Passed', 'Failed', 'Not computable', 'Pass rate'].map((text) => ({
  text,
  format: 'numeric',
}));
