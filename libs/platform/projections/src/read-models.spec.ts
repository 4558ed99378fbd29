import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { ReadModels } from './read-models';

describe('ReadModels: a read model as queries see it', () => {
  const generation = { id: 'v1_1', version: 1, collections: { teams: 'test.teams.teams__v1_1' } };

  const seeded = async () => {
    const store = new InMemoryProjectionStore();
    const physical = store.collection(generation.collections.teams);
    await physical.insertOne({ _id: 'a', _position: 1, tenantId: 'acme', phase: 'pilot', members: 4 });
    await physical.insertOne({ _id: 'b', _position: 2, tenantId: 'acme', phase: 'pilot', members: 2 });
    await physical.insertOne({ _id: 'c', _position: 3, tenantId: 'acme', phase: 'forming', members: 7 });
    await physical.insertOne({ _id: 'o', _position: 4, tenantId: 'globex', phase: 'pilot', members: 9 });
    // A deleted document, kept by the runner until its checkpoint passes it: no query may see it.
    await physical.insertOne({ _id: 'gone', _position: 5, _deleted: true, tenantId: 'acme', phase: 'pilot', members: 100 });
    const readModels = new ReadModels(store);
    readModels.setGeneration('test.teams', generation, true);
    return { store, teams: readModels.collection('test.teams', 'teams') };
  };

  it('summarises the current generation without deleted documents, as count and find see it', async () => {
    const { teams } = await seeded();
    expect(await teams.summarise({ tenantId: 'acme' }, { groupBy: 'phase', sum: ['members'] })).toEqual([
      { key: 'forming', count: 1, sums: { members: 7 } },
      { key: 'pilot', count: 2, sums: { members: 6 } },
    ]);
    expect(await teams.count({ tenantId: 'acme' })).toBe(3);
    expect((await teams.find({ tenantId: 'acme' })).items.map((team) => team._id)).toEqual(['a', 'b', 'c']);
  });

  it('answers no groups before the projection has a generation, and names an unknown collection', async () => {
    const { store } = await seeded();
    const readModels = new ReadModels(store);
    expect(await readModels.collection('test.never-ran', 'teams').summarise({}, { groupBy: 'phase' })).toEqual([]);
    readModels.setGeneration('test.teams', generation, true);
    await expect(readModels.collection('test.teams', 'units').summarise({}, { groupBy: 'phase' })).rejects.toMatchObject({ code: 'PROJECTION.UNKNOWN_COLLECTION' });
  });
});
