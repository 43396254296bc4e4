// Local authority codes (docs/paid-money.md "Places"): an ONS GSS code (`E08000006` Salford, `W06000015`) or an
// older ONS district code (`00CY`, as Calderdale's spend files name it), and the code in a statistics.data.gov.uk
// local authority URI. Pure. missionbuy ships no lookup between the two kinds of code: each is used as published.

/** An ONS GSS local authority code or an older ONS district code. */
export const LA_CODE = /^([ENSW]\d{8}|\d{2}[A-Z]{2})$/;

/** `e08000006` → `E08000006`; null when the text is not a local authority code. */
export function normaliseLaCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return LA_CODE.test(code) ? code : null;
}

/** The code in a statistics.data.gov.uk local authority URI
 * (`http://statistics.data.gov.uk/doc/local-authority-district/00CY`), else null. */
export function laCodeOfUri(text: string | null): string | null {
  const m =
    /^https?:\/\/statistics\.data\.gov\.uk\/(?:doc|id)\/(?:local-authority-district|statistical-geography)\/([A-Za-z0-9]{4,9})\/?$/.exec(
      text?.trim() ?? '',
    );
  return m ? normaliseLaCode(m[1]!) : null;
}
