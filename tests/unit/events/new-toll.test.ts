// A new toll ("the toll rose to 86", "ارتفاع حصيلة …") is its own event's count grown
// (lib/events/numbers.ts): it excuses a count apart only from a report of the same specific place
// and kind of event. Against another place's count, or another kind of event's at one place, the
// tolls apart count as two incidents' (`numApart`), as they would with no new toll told.
import { describe, expect, it } from 'vitest';
import { eventDoc } from '../../../lib/events';
import { pairFeatures, rawProbability } from '../../../lib/events/pair';

type Doc = [title: string, text: string, published: string];
const doc = ([title, text, published]: Doc, outlet: string) => eventDoc(title, text, published, outlet);

// Each: a new toll and another count it is not of (another place, or only the country named).
const apart: Array<[string, Doc, Doc]> = [
  ['en: a chemical attack\'s new toll naming only Syria, and shelling near the capital the day before',
    ['86 dead in suspected Syria chemical attack: new toll', 'The death toll from a suspected chemical weapons attack on a rebel-held Syrian town has risen to 86, a monitoring group said on Wednesday.', '2017-04-05'],
    ['Shelling near Syrian capital kills 19', 'Regime shelling killed 19 people on Tuesday in Douma, east of Damascus, a monitor said.', '2017-04-04']],
  ['ar: حصيلة جديدة لقصف في سوريا، وقصف على دوما قبلها بيوم',
    ['ارتفاع حصيلة ضحايا الهجوم الكيماوي إلى 86 قتيلاً', 'ارتفعت حصيلة ضحايا الهجوم بالغازات السامة في سوريا إلى 86 قتيلاً بينهم 30 طفلاً، بحسب المرصد السوري يوم الأربعاء.', '2017-04-05'],
    ['مقتل 19 مدنياً بقصف مدفعي على مدينة دوما', 'قتل 19 مدنياً يوم الثلاثاء بقصف مدفعي على مدينة دوما في الغوطة الشرقية.', '2017-04-04']],
  ['ar: a new toll of one town, and another town\'s count of the same day',
    ['ارتفاع حصيلة ضحايا الغارات على مدينة أريحا إلى 40', 'ارتفع عدد ضحايا الغارات الجوية على مدينة أريحا في ريف إدلب اليوم إلى 40 قتيلاً.', '2025-03-02'],
    ['مقتل 6 مدنيين بغارات على مدينة سراقب', 'قتل 6 مدنيين اليوم بغارات جوية على مدينة سراقب في ريف إدلب الشرقي.', '2025-03-02']],
  ['en: a car bomb\'s new toll in a town, and an air strike\'s count there the same day',
    ['Death toll from Jableh car bomb rises to 48', 'The death toll from a car bomb in the coastal town of Jableh rose to 48 on Monday, state media said.', '2016-05-23'],
    ['Air strike on Jableh kills 5', 'An air strike on the town of Jableh killed five people on Monday, activists said.', '2016-05-23']],
];

// Each: a new toll and the earlier count of its own place and kind.
const own: Array<[string, Doc, Doc]> = [
  ['ar: الأتارب، غارات',
    ['مقتل 21 مدنياً بغارات جوية على مدينة الأتارب', 'قتل 21 مدنياً اليوم بغارات جوية على سوق مدينة الأتارب في ريف حلب الغربي.', '2017-11-13'],
    ['ارتفاع حصيلة ضحايا الغارات على مدينة الأتارب إلى 61', 'ارتفع عدد ضحايا الغارات الجوية على سوق مدينة الأتارب في ريف حلب الغربي اليوم إلى 61 قتيلاً.', '2017-11-13']],
  ['ar: سراقب، قتل بقصف صاروخي ثم حصيلة القصف في اليوم التالي',
    ['مقتل 4 بقصف على سراقب', 'قتل 4 مدنيين اليوم بقصف صاروخي على مدينة سراقب في ريف إدلب.', '2025-03-02'],
    ['ارتفاع حصيلة قصف سراقب إلى 40', 'ارتفع عدد ضحايا القصف الصاروخي على مدينة سراقب أمس إلى 40 قتيلاً.', '2025-03-03']],
  ['en: Jableh, a car bomb',
    ['Car bomb in Jableh kills 12', 'A car bomb in the coastal town of Jableh killed 12 people on Monday, state media said.', '2016-05-23'],
    ['Death toll from Jableh car bomb rises to 48', 'The death toll from a car bomb in the coastal town of Jableh rose to 48 on Monday, state media said.', '2016-05-23']],
];

describe('a new toll against another count', () => {
  it('does not excuse tolls apart from another place\'s count, or a count of no place but the country', () => {
    for (const [name, x, y] of apart) {
      const facts = pairFeatures(doc(x, 'one'), doc(y, 'two'));
      expect([name, facts.features.numBoth, facts.features.numRise, facts.features.numApart > 0.3]).toEqual([name, 1, 0, true]);
      // And the fitted weight lowers such a pair below the same pair with its tolls excused.
      const excused = rawProbability({ ...facts.features, numApart: 0, numApartHere: 0 });
      expect([name, rawProbability(facts.features) < excused]).toEqual([name, true]);
    }
  });

  it('excuses tolls apart from its own place and kind of event\'s count: the toll grown', () => {
    for (const [name, x, y] of own) {
      const facts = pairFeatures(doc(x, 'one'), doc(y, 'two'));
      expect([name, facts.features.numBoth, facts.features.numApart, facts.features.numApartHere]).toEqual([name, 1, 0, 0]);
    }
  });
});
