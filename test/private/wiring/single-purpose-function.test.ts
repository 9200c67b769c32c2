import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { defineSinglePurposeFunction } from '../../../src/private/wiring/single-purpose-function';

describe('defineSinglePurposeFunction', () => {
  const stack = new Stack();
  defineSinglePurposeFunction(stack, 'exports.handler = async () => {};', new iam.PolicyStatement({
    actions: ['ec2:DescribeVpcEndpointServiceConfigurations'],
    resources: ['*'],
  }));
  const template = Template.fromStack(stack);
  const [roleId] = Object.keys(template.findResources('AWS::IAM::Role'));
  const [policyId] = Object.keys(template.findResources('AWS::IAM::Policy'));
  const [handler] = Object.values(template.findResources('AWS::Lambda::Function'));

  test('the function reads its own role, which has the one statement and the log group\'s', () => {
    expect(handler.Properties.Role).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    const statements = template.findResources('AWS::IAM::Policy')[policyId].Properties.PolicyDocument.Statement;
    expect(statements.map((statement: any) => statement.Action)).toEqual([
      'ec2:DescribeVpcEndpointServiceConfigurations',
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
  });

  // The role's ARN already orders the function after the role; a DependsOn on it is redundant (cfn-lint W3005).
  test('the function depends on the role\'s policy only', () => {
    expect(handler.DependsOn).toEqual([policyId]);
  });
});
