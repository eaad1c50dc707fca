// Readability for the content script, injected by the background (page:readability) only into a
// tab whose page neither site rules nor the generic containers could read.
import { readabilityBlocks } from '../lib/extract/readability';
import { provideReadability } from '../lib/extract/readability-slot';

export default defineUnlistedScript(() => provideReadability(readabilityBlocks));
