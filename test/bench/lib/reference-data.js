// The country the generated complaints come from: Kazakhstan's 20 regions (17 oblasts and the
// three cities of republican significance) with their populations (thousands, 2024 estimates,
// rounded), one authority department per region, and 386 service providers shared out by
// population. Names follow the demo's reference data; everything is deterministic.
import { withKzChecksum } from '../../../packages/domain/dist/index.js';

/** code: the office-code suffix; kk: the region as stored in `region`; ruIn: "по …" (dative). */
export const REGIONS = [
  { code: 'AST', kk: 'Астана', ruIn: 'городу Астане', city: 'Астана', population: 1423 },
  { code: 'ALA', kk: 'Алматы', ruIn: 'городу Алматы', city: 'Алматы', population: 2229 },
  { code: 'SHY', kk: 'Шымкент', ruIn: 'городу Шымкенту', city: 'Шымкент', population: 1222 },
  { code: 'ABA', kk: 'Абай облысы', ruIn: 'области Абай', city: 'Семей', population: 608 },
  {
    code: 'AKM',
    kk: 'Ақмола облысы',
    ruIn: 'Акмолинской области',
    city: 'Көкшетау',
    population: 786,
  },
  {
    code: 'AKT',
    kk: 'Ақтөбе облысы',
    ruIn: 'Актюбинской области',
    city: 'Ақтөбе',
    population: 932,
  },
  {
    code: 'ALO',
    kk: 'Алматы облысы',
    ruIn: 'Алматинской области',
    city: 'Қонаев',
    population: 1525,
  },
  {
    code: 'ATY',
    kk: 'Атырау облысы',
    ruIn: 'Атырауской области',
    city: 'Атырау',
    population: 700,
  },
  {
    code: 'ZKO',
    kk: 'Батыс Қазақстан облысы',
    ruIn: 'Западно-Казахстанской области',
    city: 'Орал',
    population: 693,
  },
  {
    code: 'ZHA',
    kk: 'Жамбыл облысы',
    ruIn: 'Жамбылской области',
    city: 'Тараз',
    population: 1221,
  },
  {
    code: 'ZHE',
    kk: 'Жетісу облысы',
    ruIn: 'области Жетісу',
    city: 'Талдықорған',
    population: 698,
  },
  {
    code: 'KAR',
    kk: 'Қарағанды облысы',
    ruIn: 'Карагандинской области',
    city: 'Қарағанды',
    population: 1131,
  },
  {
    code: 'KOS',
    kk: 'Қостанай облысы',
    ruIn: 'Костанайской области',
    city: 'Қостанай',
    population: 829,
  },
  {
    code: 'KZO',
    kk: 'Қызылорда облысы',
    ruIn: 'Кызылординской области',
    city: 'Қызылорда',
    population: 837,
  },
  {
    code: 'MAN',
    kk: 'Маңғыстау облысы',
    ruIn: 'Мангистауской области',
    city: 'Ақтау',
    population: 791,
  },
  {
    code: 'PAV',
    kk: 'Павлодар облысы',
    ruIn: 'Павлодарской области',
    city: 'Павлодар',
    population: 752,
  },
  {
    code: 'SKO',
    kk: 'Солтүстік Қазақстан облысы',
    ruIn: 'Северо-Казахстанской области',
    city: 'Петропавл',
    population: 529,
  },
  {
    code: 'TUR',
    kk: 'Түркістан облысы',
    ruIn: 'Туркестанской области',
    city: 'Түркістан',
    population: 2143,
  },
  { code: 'ULY', kk: 'Ұлытау облысы', ruIn: 'области Ұлытау', city: 'Жезқазған', population: 221 },
  {
    code: 'VKO',
    kk: 'Шығыс Қазақстан облысы',
    ruIn: 'Восточно-Казахстанской области',
    city: 'Өскемен',
    population: 727,
  },
];

export const PROVIDER_COUNT = 386;

/**
 * The kinds of provider offices, in the order a region gets them; `weight`: how many complaints
 * an office of the kind draws relative to the others (the State Corporation's branch serves the
 * most applicants). Offices past the list are numbered public service centres and district akimats.
 */
const KINDS = [
  {
    prefix: 'GK',
    weight: 6,
    kk: (r) => `«Азаматтарға арналған үкімет» мемлекеттік корпорациясының ${r.kk} бойынша филиалы`,
    ru: (r) => `Филиал Государственной корпорации «Правительство для граждан» по ${r.ruIn}`,
  },
  {
    prefix: 'UO',
    weight: 2,
    kk: (r) => `${r.kk} Білім басқармасы`,
    ru: (r) => `Управление образования по ${r.ruIn}`,
  },
  {
    prefix: 'UZ',
    weight: 2,
    kk: (r) => `${r.kk} Денсаулық сақтау басқармасы`,
    ru: (r) => `Управление здравоохранения по ${r.ruIn}`,
  },
  {
    prefix: 'UZO',
    weight: 1.5,
    kk: (r) => `${r.kk} Жер қатынастары басқармасы`,
    ru: (r) => `Управление земельных отношений по ${r.ruIn}`,
  },
  {
    prefix: 'UZAN',
    weight: 1,
    kk: (r) => `${r.kk} Жұмыспен қамтуды үйлестіру басқармасы`,
    ru: (r) => `Управление координации занятости по ${r.ruIn}`,
  },
  {
    prefix: 'UAG',
    weight: 1,
    kk: (r) => `${r.kk} Сәулет және қала құрылысы басқармасы`,
    ru: (r) => `Управление архитектуры и градостроительства по ${r.ruIn}`,
  },
];

function numbered(region, n) {
  // Odd: a public service centre; even: a district akimat.
  return n % 2 === 1
    ? {
        prefix: `CON${n}`,
        weight: 1.5,
        nameKk: `${region.kk} №${n} халыққа қызмет көрсету орталығы`,
        nameRu: `Центр обслуживания населения № ${n} по ${region.ruIn}`,
      }
    : {
        prefix: `AKM${n}`,
        weight: 0.8,
        nameKk: `${region.kk} №${n} аудан әкімінің аппараты`,
        nameRu: `Аппарат акима района № ${n} по ${region.ruIn}`,
      };
}

/** Largest remainder: 386 offices in proportion to the population, at least one per region. */
function providersPerRegion() {
  const total = REGIONS.reduce((sum, r) => sum + r.population, 0);
  const shares = REGIONS.map((r) => (PROVIDER_COUNT * r.population) / total);
  const counts = shares.map((s) => Math.max(1, Math.floor(s)));
  let left = PROVIDER_COUNT - counts.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => ({ i, rest: s - Math.floor(s) }))
    .sort((a, b) => b.rest - a.rest);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left -= 1) counts[order[j].i] += 1;
  return counts;
}

/** A checksum-valid 12-digit BIN: registered yymm, a legal entity (4), head office (0), serial. */
function bin(serial) {
  for (let s = serial; ; s += 7919) {
    const prefix = `${String(95 + (s % 5)).slice(-2)}${String(1 + (s % 12)).padStart(2, '0')}40${String(s % 100000).padStart(5, '0')}`;
    const value = withKzChecksum(prefix);
    if (value) return value;
  }
}

export function authorities() {
  return REGIONS.map((region) => ({
    region: region.kk,
    officeCode: `AGS-${region.code}`,
    nameKk: `Мемлекеттік қызмет істері агенттігінің ${region.kk} бойынша департаменті`,
    nameRu: `Департамент Агентства по делам государственной службы по ${region.ruIn}`,
    postalAddress: `${region.city} қ., Тәуелсіздік даңғылы, ${10 + region.code.charCodeAt(0)}`,
  }));
}

/** 386 providers; `weight` is the share of the country's complaints each draws. */
export function providers() {
  const counts = providersPerRegion();
  const totalPopulation = REGIONS.reduce((sum, r) => sum + r.population, 0);
  const result = [];
  REGIONS.forEach((region, r) => {
    const offices = [];
    for (let k = 0; k < counts[r]; k += 1) {
      if (k < KINDS.length) {
        const kind = KINDS[k];
        offices.push({
          prefix: kind.prefix,
          weight: kind.weight,
          nameKk: kind.kk(region),
          nameRu: kind.ru(region),
        });
      } else {
        offices.push(numbered(region, k - KINDS.length + 1));
      }
    }
    const regionWeight = offices.reduce((sum, o) => sum + o.weight, 0);
    offices.forEach((office, k) => {
      result.push({
        bin: bin(1000 + result.length * 37 + k),
        officeCode: `${office.prefix}-${region.code}`,
        region: region.kk,
        nameKk: office.nameKk,
        nameRu: office.nameRu,
        postalAddress: `${region.city} қ., Абай даңғылы, ${1 + ((result.length * 7) % 180)}`,
        city: region.city,
        weight: (region.population / totalPopulation) * (office.weight / regionWeight),
      });
    });
  });
  return result;
}

/** Valid IINs (born 1960–1999) and BINs of recipients, drawn by the generator by index. */
export function recipientIdentifiers(count) {
  const iins = [];
  const bins = [];
  for (let s = 0; iins.length < count; s += 1) {
    const yy = 60 + (s % 40);
    const mm = String(1 + (s % 12)).padStart(2, '0');
    const dd = String(1 + (s % 28)).padStart(2, '0');
    const value = withKzChecksum(
      `${yy}${mm}${dd}${s % 2 === 0 ? 3 : 4}${String(s * 13 + 1000).slice(-4)}`,
    );
    if (value) iins.push(value);
  }
  for (let s = 0; bins.length < count; s += 1) {
    const value = withKzChecksum(
      `${String(10 + (s % 15)).padStart(2, '0')}0${1 + (s % 9)}40${String(s * 31 + 10000).slice(-5)}`,
    );
    if (value) bins.push(value);
  }
  return { iins, bins };
}
