// OCDS 1.0 → 1.1 upgrade of a release, as OCP's ocdskit does it (ocdskit/upgrade.py `upgrade_release_10_11`), so
// that Contracts Finder's 2014–2015 data lands in the same shape as today's:
// - organisations embedded in `buyer`, `tender.procuringEntity`, `tender.tenderers[]` and `awards[].suppliers[]`
//   move to `parties[]` (with an `id`: kept, else an md5 of the identifying fields, as ocdskit makes it) and are
//   replaced by OrganizationReferences `{id, name}`; each party collects its roles;
// - `amendment` under tender, awards and contracts becomes `amendments[]`;
// - transactions' `amount` becomes `value`, `providerOrganization`/`receiverOrganization` become `payer`/`payee`.
//   Unlike ocdskit, the payer and payee parties are also listed in `parties[]` (ocdskit builds them but drops them).
// Deprecated fields (Amendment.changes, Budget.source, Milestone.documents) are kept, as in ocdskit.
import { createHash } from 'node:crypto';
import { isObject, pyEquals, pyStr } from '../compile/python-semantics.js';

type Json = Record<string, unknown>;

/** OCDS 1.0's identifying fields of an organisation, in the order ocdskit hashes them. */
const IDENTIFYING: readonly [string | null, readonly string[]][] = [
  [null, ['name']],
  ['identifier', ['scheme', 'id', 'legalName', 'uri']],
  ['address', ['streetAddress', 'locality', 'region', 'postalCode', 'countryName']],
  ['contactPoint', ['name', 'email', 'telephone', 'faxNumber', 'url']],
];

const has = (o: Json, key: string): boolean =>
  Object.hasOwn(o, key) && o[key] !== null && o[key] !== undefined;

/** Python truthiness, for `str(obj.get(field) or '')`. */
const falsy = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  v === false ||
  v === 0 ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && Object.keys(v).length === 0);

function partyId(party: Json): string {
  const parts: string[] = [];
  for (const [parent, fields] of IDENTIFYING) {
    const source = parent === null ? party : Object.hasOwn(party, parent) ? party[parent] : undefined;
    if (parent !== null && source === undefined) continue;
    for (const field of fields) {
      const value = isObject(source) ? source[field] : undefined;
      parts.push(falsy(value) ? '' : pyStr(value));
    }
  }
  return createHash('md5').update(parts.join('-'), 'utf8').digest('hex');
}

/** Reorders keys so that `fields` (those present) come first, in that order. */
function moveToTop(o: Json, fields: readonly string[]): void {
  const first = fields.filter((f) => Object.hasOwn(o, f));
  const rest = Object.keys(o).filter((k) => !first.includes(k));
  const entries = [...first, ...rest].map((k) => [k, o[k]] as const);
  for (const k of Object.keys(o)) delete o[k];
  for (const [k, v] of entries) o[k] = v;
}

const deepCopy = <T>(v: T): T => structuredClone(v);

function existingParties(release: Json): Map<string, Json> {
  const parties = new Map<string, Json>();
  if (Array.isArray(release.parties)) {
    for (const party of release.parties) {
      if (!isObject(party)) continue;
      parties.set(Object.hasOwn(party, 'id') ? pyStr(party.id) : partyId(party), party);
    }
  }
  return parties;
}

function addParty(parties: Map<string, Json>, original: unknown, role: string): Json {
  const party: Json = isObject(original) ? deepCopy(original) : {};
  if (!Object.hasOwn(party, 'id')) {
    party.id = partyId(party);
    moveToTop(party, ['id']);
  }
  const id = pyStr(party.id);
  if (!parties.has(id)) parties.set(id, party);
  const survivor = parties.get(id)!;
  if (!Object.hasOwn(survivor, 'roles')) {
    survivor.roles = [];
    moveToTop(survivor, ['id', 'roles']);
  }
  if (!Array.isArray(survivor.roles)) survivor.roles = [survivor.roles];
  const roles = survivor.roles as unknown[];
  if (!roles.includes(role)) roles.push(role);
  const reference: Json = { id: party.id };
  if (Object.hasOwn(party, 'name')) reference.name = party.name;
  return reference;
}

function listParties(release: Json, parties: Map<string, Json>): void {
  if (parties.size === 0) return;
  if (!Array.isArray(release.parties)) {
    release.parties = [];
    moveToTop(release, ['ocid', 'id', 'date', 'tag', 'initiationType', 'parties']);
  }
  const list = release.parties as unknown[];
  for (const party of parties.values()) if (!list.some((p) => pyEquals(p, party))) list.push(party);
}

function upgradeParties(release: Json): void {
  const parties = existingParties(release);
  if (has(release, 'buyer')) release.buyer = addParty(parties, release.buyer, 'buyer');
  const tender = release.tender;
  if (isObject(tender)) {
    if (has(tender, 'procuringEntity'))
      tender.procuringEntity = addParty(parties, tender.procuringEntity, 'procuringEntity');
    if (Array.isArray(tender.tenderers))
      tender.tenderers = tender.tenderers.map((t) => addParty(parties, t, 'tenderer'));
  }
  if (Array.isArray(release.awards)) {
    for (const award of release.awards) {
      if (isObject(award) && Array.isArray(award.suppliers)) {
        award.suppliers = award.suppliers.map((s) => addParty(parties, s, 'supplier'));
      }
    }
  }
  listParties(release, parties);
}

function upgradeAmendment(block: unknown): void {
  if (!isObject(block) || !Object.hasOwn(block, 'amendment')) return;
  const amendments = Array.isArray(block.amendments) ? block.amendments : (block.amendments = []);
  if (!(amendments as unknown[]).some((a) => pyEquals(a, block.amendment)))
    (amendments as unknown[]).push(block.amendment);
  delete block.amendment;
}

function upgradeAmendments(release: Json): void {
  upgradeAmendment(release.tender);
  for (const field of ['awards', 'contracts']) {
    const blocks = release[field];
    if (Array.isArray(blocks)) blocks.forEach(upgradeAmendment);
  }
}

function upgradeTransactions(release: Json): void {
  const parties = existingParties(release);
  const contracts = Array.isArray(release.contracts) ? release.contracts : [];
  for (const contract of contracts) {
    const transactions =
      isObject(contract) && isObject(contract.implementation) ? contract.implementation.transactions : null;
    if (!Array.isArray(transactions)) continue;
    for (const t of transactions) {
      if (!isObject(t)) continue;
      if (!Object.hasOwn(t, 'value') && Object.hasOwn(t, 'amount')) {
        t.value = t.amount;
        delete t.amount;
      }
      for (const [old, next] of [
        ['providerOrganization', 'payer'],
        ['receiverOrganization', 'payee'],
      ] as const) {
        if (!Object.hasOwn(t, old) || Object.hasOwn(t, next)) continue;
        const identifier = t[old];
        const party: Json = { identifier };
        if (isObject(identifier) && Object.hasOwn(identifier, 'legalName')) party.name = identifier.legalName;
        t[next] = addParty(parties, party, next);
        delete t[old];
      }
    }
  }
  listParties(release, parties);
}

/** Upgrades one OCDS 1.0 release to 1.1, in place, and returns it. */
export function upgradeRelease10to11<T extends Json>(release: T): T {
  upgradeParties(release);
  upgradeAmendments(release);
  upgradeTransactions(release);
  return release;
}
