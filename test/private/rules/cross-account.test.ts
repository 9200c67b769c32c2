import { Token } from 'aws-cdk-lib';
import { crossAccountReferenceMessage, crossRegionReferenceProblem } from '../../../src/private/rules/cross-account';

const SHARE = {
  prop: 'resourceShare',
  object: 'the share',
  path: 'P/Share',
  account: '111111111111',
  value: 'the resource configuration ARN',
  fix: 'Pass it as a string.',
};

describe('crossAccountReferenceMessage', () => {
  test('explains the string handoff when the accounts differ', () => {
    expect(crossAccountReferenceMessage(SHARE, '222222222222')).toEqual('`resourceShare` is the share at P/Share in account 111111111111, '
      + 'but this stack is in account 222222222222, and CDK cannot pass the resource configuration ARN between accounts. Pass it as a string.');
  });

  test('is silent for the same or an unknown account', () => {
    expect(crossAccountReferenceMessage(SHARE, '111111111111')).toBeUndefined();
    expect(crossAccountReferenceMessage({ ...SHARE, account: Token.asString({ Ref: 'AWS::AccountId' }) }, '222222222222')).toBeUndefined();
    expect(crossAccountReferenceMessage(SHARE, Token.asString({ Ref: 'AWS::AccountId' }))).toBeUndefined();
  });
});

describe('crossRegionReferenceProblem', () => {
  const agnostic = { account: Token.asString({ Ref: 'AWS::AccountId' }), region: Token.asString({ Ref: 'AWS::Region' }) };

  test('is none between stacks of one Region, or two environment-agnostic stacks', () => {
    expect(crossRegionReferenceProblem({ account: '111111111111', region: 'us-east-1' }, { account: '111111111111', region: 'us-east-1' })).toBeUndefined();
    expect(crossRegionReferenceProblem(agnostic, agnostic)).toBeUndefined();
  });

  test('names both sides for two Regions, or a given Region facing an environment-agnostic stack', () => {
    expect(crossRegionReferenceProblem({ account: '111111111111', region: 'eu-west-1' }, { account: '111111111111', region: 'us-east-1' }))
      .toEqual({ object: 'eu-west-1', stack: 'us-east-1' });
    // A Region-only stack: its account is a token, its Region is given.
    expect(crossRegionReferenceProblem({ account: agnostic.account, region: 'us-east-1' }, agnostic))
      .toEqual({ object: 'us-east-1', stack: 'an environment-agnostic stack' });
  });
});
