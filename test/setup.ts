// Snapshots must not change when an asset's content does (a Lambda bundle, a custom-resource handler):
// asset hashes are masked, everything else is compared as synthesized.
const ASSET_HASH = /[0-9a-f]{64}(\.zip|\.json)?/;

expect.addSnapshotSerializer({
  test: (value: unknown) => typeof value === 'string' && ASSET_HASH.test(value),
  serialize: (value: string) => JSON.stringify(value.replace(new RegExp(ASSET_HASH.source, 'g'), 'ASSET-HASH$1')),
});
