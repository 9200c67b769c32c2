import { closestName } from '../../../src/private/rules/spelling';

describe('closestName', () => {
  test('finds the candidate fewest edits away', () => {
    expect(closestName('secretmanager', ['ssm', 'secretsmanager', 'sts'])).toBe('secretsmanager');
    expect(closestName('ecr.dkrr', ['ecr.api', 'ecr.dkr'])).toBe('ecr.dkr');
    expect(closestName('bundle', ['bundles', 'bundle2s'])).toBe('bundles');
  });

  test('finds none further than the edits allowed', () => {
    expect(closestName('kinesis', ['ssm', 'sts'])).toBeUndefined();
    expect(closestName('abc', ['abcdef'], 2)).toBeUndefined();
  });
});
