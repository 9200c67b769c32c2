import { Token } from 'aws-cdk-lib';
import { crossAccountReferenceMessage } from '../../../src/private/rules/cross-account';

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
