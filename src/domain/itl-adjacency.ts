// Which ITL1 regions share a land border (docs/collaboration.md, "Adjacent regions"). No adjacency list was found in
// the reference data (data/reference holds the NUTS 2016 codes and names only), so this list is written by hand
// from the land boundaries of the 12 ITL1 regions (ONS "International Territorial Level 1 (January 2021)
// Boundaries UK", the same areas as NUTS 1 2016: ITL1 kept the NUTS 1 boundaries), each border named by the
// counties or unitary areas that meet across it. Borders across water (the Severn, the Thames estuary, the Irish
// Sea) do not count. Codes are in the NUTS form the contract model stores (`UKC`; ITL writes `TLC`). Pure.

/** The 12 ITL1 regions (NUTS 2016 level 1 codes), with their names from data/reference/uk-nuts2016-regions.csv. */
export const ITL1_REGIONS = {
  UKC: 'North East',
  UKD: 'North West',
  UKE: 'Yorkshire and The Humber',
  UKF: 'East Midlands',
  UKG: 'West Midlands',
  UKH: 'East of England',
  UKI: 'London',
  UKJ: 'South East',
  UKK: 'South West',
  UKL: 'Wales',
  UKM: 'Scotland',
  UKN: 'Northern Ireland',
} as const;

export type Itl1Code = keyof typeof ITL1_REGIONS;

export const ITL1_CODES = Object.keys(ITL1_REGIONS) as Itl1Code[];

/** Each land border once, with where the two regions meet. */
export const ITL1_BORDERS: readonly (readonly [Itl1Code, Itl1Code, string])[] = [
  ['UKC', 'UKD', 'Northumberland and County Durham meet Cumbria'],
  ['UKC', 'UKE', 'County Durham and Tees Valley meet North Yorkshire'],
  ['UKC', 'UKM', 'Northumberland meets the Scottish Borders'],
  ['UKD', 'UKE', 'Cumbria, Lancashire and Greater Manchester meet North, West and South Yorkshire'],
  ['UKD', 'UKF', 'Greater Manchester and Cheshire meet Derbyshire'],
  ['UKD', 'UKG', 'Cheshire meets Shropshire and Staffordshire'],
  ['UKD', 'UKL', 'Cheshire meets Flintshire and Wrexham'],
  ['UKD', 'UKM', 'Cumbria meets Dumfries and Galloway'],
  ['UKE', 'UKF', 'South Yorkshire and North Lincolnshire meet Derbyshire, Nottinghamshire and Lincolnshire'],
  ['UKF', 'UKG', 'Derbyshire and Leicestershire meet Staffordshire and Warwickshire'],
  ['UKF', 'UKH', 'Lincolnshire and Northamptonshire meet Norfolk, Cambridgeshire and Bedfordshire'],
  ['UKF', 'UKJ', 'Northamptonshire meets Oxfordshire and Buckinghamshire'],
  ['UKG', 'UKJ', 'Warwickshire meets Oxfordshire'],
  ['UKG', 'UKK', 'Herefordshire, Worcestershire and Warwickshire meet Gloucestershire'],
  ['UKG', 'UKL', 'Shropshire and Herefordshire meet Powys, Wrexham and Monmouthshire'],
  ['UKH', 'UKI', 'Hertfordshire and Essex meet Greater London'],
  ['UKH', 'UKJ', 'Bedfordshire and Hertfordshire meet Buckinghamshire'],
  ['UKI', 'UKJ', 'Greater London meets Surrey, Kent, Buckinghamshire and Berkshire'],
  ['UKJ', 'UKK', 'Oxfordshire, Berkshire and Hampshire meet Gloucestershire, Wiltshire and Dorset'],
  ['UKK', 'UKL', 'Gloucestershire meets Monmouthshire (the Wye)'],
  // Northern Ireland (UKN) has no land border with Great Britain.
];

const NEIGHBOURS: ReadonlyMap<string, readonly Itl1Code[]> = (() => {
  const m = new Map<string, Itl1Code[]>(ITL1_CODES.map((c) => [c, []]));
  for (const [a, b] of ITL1_BORDERS) {
    m.get(a)!.push(b);
    m.get(b)!.push(a);
  }
  for (const list of m.values()) list.sort();
  return m;
})();

export const isItl1 = (code: string): code is Itl1Code => Object.hasOwn(ITL1_REGIONS, code);

/** The regions sharing a land border with an ITL1 region (sorted; empty for Northern Ireland or a non-ITL1 code). */
export const itl1Neighbours = (code: string): readonly Itl1Code[] => NEIGHBOURS.get(code) ?? [];

/** Same or adjacent. */
export const itl1Adjacent = (a: string, b: string): boolean =>
  isItl1(a) && isItl1(b) && (a === b || itl1Neighbours(a).includes(b));

/** `North East (UKC)`, or the code itself when it is not an ITL1 region. */
export const itl1Name = (code: string): string => (isItl1(code) ? ITL1_REGIONS[code] : code);
