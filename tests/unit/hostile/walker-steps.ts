// A document's tree walkers, counted: how many steps a bounded walk took.

/** From now on, every walker of doc counts its steps; returns the count so far. */
export function countWalkerSteps(doc: Document): () => number {
  let steps = 0;
  const create = doc.createTreeWalker.bind(doc);
  doc.createTreeWalker = ((root: Node, show?: number) => {
    const walker = create(root, show);
    const next = walker.nextNode.bind(walker);
    walker.nextNode = () => (steps++, next());
    return walker;
  }) as Document['createTreeWalker'];
  return () => steps;
}
