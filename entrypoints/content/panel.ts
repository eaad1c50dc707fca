import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';

export interface Panel {
  remove(): void;
  refresh(): void;
}

/**
 * The in-page panel: an iframe of an extension page, so the page's scripts cannot read what it
 * shows. It sits at the inline-end edge (left in RTL pages), over the margin, not the text.
 */
export function mountPanel(ctx: ContentScriptContext): Panel {
  const ui = createIframeUi(ctx, {
    page: '/panel.html',
    position: 'overlay',
    anchor: 'body',
    append: 'last',
    onMount(wrapper, iframe) {
      wrapper.setAttribute('data-isnad', 'panel');
      Object.assign(wrapper.style, {
        position: 'fixed',
        top: '72px',
        left: '12px',
        zIndex: '2147483646',
        width: '340px',
        height: 'min(70vh, 560px)',
      });
      iframe.title = 'Isnad';
      Object.assign(iframe.style, {
        width: '100%',
        height: '100%',
        border: '0',
        borderRadius: '10px',
        boxShadow: '0 4px 24px rgba(0,0,0,.25)',
        colorScheme: 'normal',
      });
    },
  });
  ui.mount();
  return {
    remove: () => ui.remove(),
    refresh: () => {
      // Reloading the extension page makes it ask the background for the new context.
      ui.iframe.src = ui.iframe.src;
    },
  };
}
