// Where a vocabulary word of lib/events (kinds of event, what an event was about) is read: after
// the clitics, "لل" too — what ل and ال make together ("للقصف", "للحجاج", "للانتخابات") — and never
// as the start of a longer word: "تنفيذ" (carrying out) is no "تنفي" (she denies).
import { describe, expect, it } from 'vitest';
import { eventSignature } from '../../../lib/events';

const sig = (title: string, text = '') => eventSignature(title, text, '2025-06-19');

describe('a word after لل', () => {
  it('is read, as after ل or ال', () => {
    expect(sig('تعرض حي الشعار للقصف بالمدفعية').types).toContain('shelling');
    expect(sig('دعوات للتظاهر في ساحة الكرامة').what.title).toContain('protest');
    expect(sig('وصول أول طائرة للحجاج إلى مطار دمشق الدولي').what.title).toContain('pilgrims');
    expect(sig('مرسوم بتشكيل اللجنة العليا للانتخابات').what.title).toContain('election');
    expect(sig('جاهزية كاملة للمستشفيات في ريف حماة').what.title).toContain('hospital');
  });

  it('leaves other words as they were (guards)', () => {
    expect(sig('وصول أول طائرة لحجاج بيت الله الحرام إلى مطار دمشق').what.title).toContain('pilgrims');
    expect(sig('جولة ميدانية في اللاذقية').what.title).toEqual(['visit']);
    expect(sig('الحمد لله على السلامة').what.all).toEqual([]);
    expect(sig('افتتاح معرض للكتاب في دمشق').what.all).toEqual([]);
  });
});

describe('a word that starts a longer one', () => {
  it('is not read: carrying out is not a denial', () => {
    for (const title of ['بدء تنفيذ الاتفاق بين الحكومة السورية وقسد في حلب', 'اجتماع للمكتب التنفيذي مع محافظ السويداء', 'الصندوق لديه خطط جاهزة للتنفيذ فور زوال المعوقات', 'البدء بتنفيذ اتفاقية تبادل الموقوفين']) {
      expect([title, sig(title).what.all.includes('denial')]).toEqual([title, false]);
    }
  });

  it('is read where it ends the word or takes its own ending (guards)', () => {
    for (const title of ['الوزارة تنفي إغلاق مطار دمشق', 'الهيئة تنفيه جملة وتفصيلاً', 'نفت الهيئة العامة للطيران المدني الأنباء', 'الطيران المدني ينفي إغلاق المطار']) {
      expect([title, sig(title).what.title.includes('denial')]).toEqual([title, true]);
    }
  });
});
