// Places the gazetteer does not know (the village a strike hit, a city's neighbourhood) and dates
// written in English: two reports of strikes on two such villages the same morning are two
// incidents; a report five days later that dates its event "April 15" tells the event of the 15th.
import { describe, expect, it } from 'vitest';
import { eventDoc, eventSignature, isoDay, judge, termVector } from '../../../lib/events';
import { pairFeatures } from '../../../lib/events/pair';
import { englishKey, localPlaces } from '../../../lib/events/local-places';

describe('places the gazetteer does not know', () => {
  it('keeps an English place by its consonants: two spellings are one key', () => {
    expect(englishKey('Tokhar')).toBe(englishKey('al-Tukhar'));
    expect(englishKey('Ghandoura')).toBe(englishKey('Ghandura'));
    expect(englishKey('Tokhar')).not.toBe(englishKey('Ghandoura'));
  });

  it('reads the places an English report introduces, and not the words around them', () => {
    const a = localPlaces('Strikes hit the village of Tokhar near the Kurdish-held town of Ghandoura on Tuesday', false, []);
    expect(a.local.sort()).toEqual([englishKey('Ghandoura'), englishKey('Tokhar')].sort());
    expect(localPlaces('Rockets fell on the Salah Eddin neighborhood in Aleppo city', false, []).local).toEqual([englishKey('Salah Eddin')]);
    // Not a place: "the Syrian district", "the Old city of".
    expect(localPlaces('Syrian district officials and the Kurdish district council met', false, []).local).toEqual([]);
  });

  it('takes an English spelling the gazetteer writes otherwise for the gazetteer place', () => {
    const sig = eventSignature('10 civilians dead in air strike on Syria rebel town', 'At least 10 civilians were killed in air strikes Friday on the rebel-held town of Atareb in Aleppo province.', '2016-07-29');
    expect(sig.place?.id).toBe('atarib');
    expect(sig.local).toBeUndefined();
  });

  it('reads the village or neighbourhood an Arabic report introduces, not a word after "حي"', () => {
    expect(localPlaces('قصف مدفعي على قرية الهبيطة الصغيرة صباح اليوم', true, []).local).toEqual(['هبيطه']);
    expect(localPlaces('سقوط قذائف على حي سكني في المدينة', true, []).local).toEqual([]);
    expect(localPlaces('غارة على بلدة كفر نبودة', true, []).local).toEqual(['كفر نبوده']);
    // A place the gazetteer already matched is not read again.
    expect(localPlaces('غارة على بلدة كفرنبودة', true, ['كفرنبودة']).local).toEqual([]);
  });

  it('tells strikes on two unknown villages the same morning apart, and one village told twice together', () => {
    const tokhar = eventDoc('Coalition strikes kill 56 civilians in Syria', 'At least 56 civilians were killed on Tuesday in strikes near the village of Tokhar, a monitor said.', '2016-07-19', 'ahram');
    const tukhar = eventDoc('Dozens of civilians killed in coalition raids', 'Coalition raids killed dozens of civilians on Tuesday in the village of al-Tukhar, activists said.', '2016-07-19', 'dailysabah');
    const ghandoura = eventDoc('Coalition strikes kill 15 civilians in Syria', 'At least 15 civilians were killed on Tuesday in strikes on the town of Ghandoura, a monitor said.', '2016-07-19', 'trt');
    expect(pairFeatures(tokhar, tukhar).features).toMatchObject({ sharedSpecific: 1, placeOther: 0 });
    expect(pairFeatures(tokhar, ghandoura).features).toMatchObject({ sharedSpecific: 0, placeOther: 1 });
  });
});

describe('a town introduced in English, read by a key long enough to name one place', () => {
  // Three consonants are many towns': al-Mayadin, Maadan and Damascus's Midan are all m-d-n, Kabun
  // and Kobani k-b-n, Dummar and Dumayr d-m-r, al-Qusur and Qusair q-s-r, al-Zahira and Zahraa z-h-r.
  const placeOf = (town: string) => {
    const s = eventSignature('Strikes kill 5 civilians', `Air strikes killed five civilians on Monday in the town of ${town}, a monitor said.`, '2017-01-02');
    return { place: s.place?.id, places: s.places, local: s.local ?? [] };
  };
  it('is the gazetteer place it is spelt as, not another of its consonants', () => {
    expect(placeOf('al-Mayadin')).toEqual({ place: 'mayadin', places: ['mayadin'], local: [] });
    expect(placeOf('Maadan')).toEqual({ place: 'maadan', places: ['maadan'], local: [] });
    expect(placeOf('Dummar')).toEqual({ place: 'dummar', places: ['dummar'], local: [] });
    expect(placeOf('al-Qusur')).toEqual({ place: 'qusur', places: ['qusur'], local: [] });
    expect(placeOf('al-Zahira')).toEqual({ place: 'zahira', places: ['zahira'], local: [] });
    expect(placeOf('Kobane')).toEqual({ place: 'kobani', places: ['kobani'], local: [] });
  });

  it('keeps a short name the gazetteer does not spell as a place of its own', () => {
    expect(placeOf('Kabun')).toEqual({ place: undefined, places: [], local: [englishKey('Kabun')] });
    expect(placeOf('Mayadeen')).toEqual({ place: undefined, places: [], local: [englishKey('Mayadeen')] });
    expect(placeOf('Sakba')).toEqual({ place: undefined, places: [], local: [englishKey('Sakba')] });
  });

  it('still reads a longer key spelt otherwise as the gazetteer place', () => {
    expect(placeOf('Atareb').place).toBe('atarib');
    expect(placeOf('Kfar Zeita').place).toBe('kafr-zita');
  });

  it('tells al-Mayadin in Deir ez-Zor and Midan in Damascus apart', () => {
    const a = eventDoc('Strikes kill 12 in eastern Syria', 'Air strikes killed 12 civilians on Monday in the town of al-Mayadin, a monitor said.', '2017-10-02', 'ahram');
    const b = eventDoc('Shells kill 3 in Damascus', 'Mortar shells killed three people on Monday in the Midan district of Damascus, state media said.', '2017-10-02', 'sana');
    expect(pairFeatures(a, b).features).toMatchObject({ sharedSpecific: 0, placeSame: 0 });
  });
});

describe('dates written in English', () => {
  it('reads the event day from "April 15" five days before publication', () => {
    const w = eventSignature('Over 130 killed in April 15 attack near Aleppo', 'The death toll of the attack near Aleppo on April 15 passed 130, the UN envoy said Thursday.', '2017-04-20').when;
    expect(w.from).toBe('text');
    expect(isoDay(w.day!)).toBe('2017-04-15');
  });

  it('passes over a dateline, "may" as a verb, and reads a date of December in January as last year\'s', () => {
    const dateline = eventSignature('13 civilians killed in air raids', 'AFP Wednesday 15 Jul 2015 Thirteen civilians were killed in air raids on Tuesday, a monitor said.', '2015-07-15').when;
    expect(isoDay(dateline.day!)).toBe('2015-07-14');
    const verb = eventSignature('Toll may 20 rise', 'The toll of the blast on Monday may rise, officials said.', '2017-05-23').when;
    expect(verb.raw?.toLowerCase()).toBe('monday');
    const lastYear = eventSignature('Blast kills 5', 'A blast killed five people on December 30 in the city, officials said.', '2017-01-02').when;
    expect(isoDay(lastYear.day!)).toBe('2016-12-30');
  });

  it('reads the day of the event, not the day a monitor told the toll ("said on Sunday")', () => {
    const w = eventSignature('Death toll from Aleppo bomb attack at least 112', 'The toll rose to 112, the monitor said on Sunday. Saturday\'s blast hit buses carrying evacuees on Saturday near Aleppo.', '2017-04-16').when;
    expect(isoDay(w.day!)).toBe('2017-04-15');
    // With no other day named, the day it was said stands for the event's.
    const only = eventSignature('Coalition strikes kill 21 civilians', 'The monitor said Monday that at least 21 civilians were killed in coalition raids near Manbij.', '2016-07-19').when;
    expect([only.raw, isoDay(only.day!)]).toEqual(['monday', '2016-07-18']);
  });
});

describe('two incidents told alike', () => {
  it('caps strikes on one town told on two days with tolls far apart (Monday\'s 21, Tuesday\'s 85)', () => {
    const monday = eventDoc('Coalition strikes kill 21 civilians in Manbij', 'Air strikes by the US-led coalition killed at least 21 civilians in Manbij on Monday, a monitoring group said.', '2016-07-18', 'manar');
    const tuesday = eventDoc('Coalition strikes kill 85 civilians in Manbij', 'Air strikes by the US-led coalition killed at least 85 civilians in Manbij on Tuesday, a monitoring group said.', '2016-07-19', 'dailysabah');
    const j = judge(monday, tuesday);
    expect(j.probability).toBeLessThanOrEqual(0.5);
    expect(j.relation).toBe('related');
  });

  it('reads a report\'s words up to the paragraph that turns to another story ("وفي سياق متصل")', () => {
    const title = 'الطيران المدني التركي يمنح الخطوط الجوية السورية تصريحا';
    const own = 'منحت المديرية العامة للطيران المدني في تركيا الخطوط الجوية السورية إذنا لتسيير رحلات.';
    const v = termVector(title, `${own}\nوفي سياق متصل، أكد الرئيس التركي أردوغان أن استقرار سوريا يعود بالفائدة على جيرانها.`);
    expect([...v.all]).toEqual([...termVector(title, own).all]);
    // Another paragraph of the report's own story is read.
    expect(termVector(title, `${own}\nوأكد الرئيس التركي أردوغان أن استقرار سوريا يعود بالفائدة على جيرانها.`).all.size).toBeGreaterThan(v.all.size);
  });
});

describe('an English town spelt otherwise than the gazetteer, named bare', () => {
  // The gazetteer writes Atarib, Saraqib, Khan Shaykhun, Kafr Zita; reports write Atareb, Saraqeb,
  // Khan Sheikhun, Kfar Zeita — after "in", "on", "-held", "Syria's", with no "town of".
  const cases: Array<[string, string, string]> = [
    ['Air strikes hit market in Atareb', 'Three strikes hit the market in Atareb west of Aleppo, a monitor said.', 'atarib'],
    ['Regime airstrikes kill 61 civilians in Aleppos opposition-held Atareb', 'The strikes hit the market on Monday.', 'atarib'],
    ['Raids on Syria\'s Saraqeb kill 9', 'Air raids on Saraqeb killed nine people on Tuesday.', 'saraqib'],
    ['Gas attack on Khan Sheikhun kills dozens', 'Dozens died on Tuesday in a suspected gas attack on Khan Sheikhun in Idlib province.', 'khan-shaykhun'],
    ['Shelling kills eight in Kfar Zeita', 'Shelling on Kfar Zeita in the northern Hama countryside killed eight people.', 'kafr-zita'],
  ];
  it('is read as the gazetteer place, the event\'s place', () => {
    for (const [title, text, id] of cases) expect([title, eventSignature(title, text, '2017-11-13').place?.id]).toEqual([title, id]);
  });

  it('is not read from a capitalised word that only sounds like a place, or after no word of place', () => {
    // "Khaled" after "said" is a person; a capitalised word at the start of a sentence is no place.
    expect(eventSignature('Strikes kill 12 in Idlib', 'Commander Khaled said Atareb would be defended.', '2017-11-13').places).not.toContain('atarib');
    expect(eventSignature('Strikes kill 12 in Idlib', 'Air strikes killed 12 in Idlib in January, a monitor said.', '2017-11-13').places).toEqual([]);
  });

  it('lets two reports of one strike share their town', () => {
    const a = eventDoc('Air raids kill 29 civilians in north Syria town', 'Air strikes on a market killed at least 29 civilians in a town in northern Syria on Monday; the strikes hit rebel-held Atareb, a monitor said.', '2017-11-13', 'ahram');
    const b = eventDoc('Air strikes kill dozens inside Syria de-escalation zone', 'Three strikes hit the northwestern town of Atareb on Monday, the Syrian Observatory said.', '2017-11-14', 'trt');
    expect(pairFeatures(a, b).features).toMatchObject({ placeSame: 1, sharedSpecific: 1 });
  });
});
