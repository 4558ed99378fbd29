/** A read-model document as a folded batch holds it. */
export type FoldedDocument = Record<string, unknown> & { _id: string };

/**
 * What a rebuild knows of the generation it is writing, between its batches: the final state
 * of every document its batches wrote (null for one they deleted). The generation starts
 * empty and nobody else writes it before the switch-over, so while the cache holds everything
 * written, a document it does not know does not exist, and a batch reads nothing from the
 * store. Past `limit` documents it forgets them all and says it is incomplete; batches then
 * read what it does not know, as without a cache. Cached documents are changed in place by
 * the next batch's fold (the stores copy what they are given).
 */
export class GenerationCache {
  private readonly collections = new Map<string, Map<string, FoldedDocument | null>>();
  private size = 0;
  private complete = true;

  constructor(private readonly limit = 50_000) {}

  /** The document, null when known to be absent, undefined when it must be read from the store. */
  lookup(collection: string, id: string): FoldedDocument | null | undefined {
    const known = this.collections.get(collection)?.get(id);
    if (known !== undefined) return known;
    return this.complete ? null : undefined;
  }

  /** After a batch's write landed: each touched id's final document, or null when the batch deleted it. */
  remember(collection: string, touched: Iterable<string>, documents: ReadonlyMap<string, FoldedDocument>): void {
    if (!this.complete) return;
    let known = this.collections.get(collection);
    if (!known) this.collections.set(collection, (known = new Map()));
    for (const id of touched) {
      if (!known.has(id)) this.size++;
      known.set(id, documents.get(id) ?? null);
    }
    if (this.size > this.limit) {
      this.collections.clear();
      this.size = 0;
      this.complete = false;
    }
  }
}
