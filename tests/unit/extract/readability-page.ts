// A page on a site Isnad has no rules for, whose story only Readability finds: its column sits in
// a container named "content-with-sidebar", and the generic clean-up drops anything named like a
// sidebar. The extraction tests and the e2e site (the toolbar run) both read it.
export const READABILITY_PAGE_URL = 'http://akhbar-generic.test/2025/03/14/water-station';

export const READABILITY_PAGE_HTML = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>عودة محطة مياه عين الفيجة إلى العمل بعد إصلاح الخط الرئيسي | أخبار عامة</title>
<meta property="og:type" content="article"></head>
<body>
<div class="top-links"><a href="/">الرئيسية</a> <a href="/syria">سوريا</a> <a href="/world">العالم</a></div>
<div class="content-with-sidebar">
<h1>عودة محطة مياه عين الفيجة إلى العمل بعد إصلاح الخط الرئيسي</h1>
<div class="byline">دمشق - مراسل الموقع</div>
<p>أعلنت المؤسسة العامة لمياه الشرب في دمشق وريفها صباح الجمعة عودة محطة عين الفيجة إلى العمل بكامل طاقتها، بعد أن أنهت ورشات الصيانة إصلاح الخط الرئيسي الذي تضرر الأسبوع الماضي.</p>
<p>وقال مدير المؤسسة في تصريح صحفي إن الضخ سيصل إلى الأحياء المرتفعة خلال يومين، وإن برنامج التقنين المعمول به سيُلغى تدريجياً مع استقرار الضغط في الشبكة.</p>
<p>وكانت أحياء واسعة من العاصمة قد عانت من انقطاع المياه لأكثر من عشرة أيام، ما دفع السكان إلى شراء المياه من الصهاريج الخاصة بأسعار مرتفعة.</p>
<p>وأضاف المدير أن فرق المؤسسة ستواصل العمل على صيانة الخطوط الفرعية في ريف دمشق الغربي، حيث لا تزال بعض القرى تعتمد على الآبار المحلية.</p>
</div>
<div class="site-footer"><a href="/about">من نحن</a> <a href="/contact">اتصل بنا</a></div>
</body></html>`;
