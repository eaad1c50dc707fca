import { render } from 'preact';
import { useState } from 'preact/hooks';
import '../../components/theme.css';
import { ContextView } from '../../components/ContextView';
import { applyLocale, t } from '../../lib/i18n';
import { openReport } from '../../lib/open-report';

// The in-page panel: an extension page inside the article's tab; its tab is the sender's.
function Panel() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <main>
      <header class="bar">
        <h1>{t('extName')} · {t('panelTitle')}</h1>
        <button type="button" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? t('expand') : t('collapse')}
        </button>
      </header>
      {!collapsed && <ContextView showArticle={false} onOpen={(r) => void openReport(r)} />}
    </main>
  );
}

applyLocale(document);
render(<Panel />, document.getElementById('app')!);
