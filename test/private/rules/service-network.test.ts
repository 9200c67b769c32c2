import { Token } from 'aws-cdk-lib';
import { Finding } from '../../../src/private/rules/findings';
import {
  duplicateAssociationId,
  shareElsewhereMessage,
  validateNetworkChoice,
  validateNoResourceEndpointForSameResource,
  validateServiceIdentifier,
  validateServiceNetworkArn,
  validateServiceNetworkName,
  validateUniqueAssociations,
  warnNetworkPrivateDnsOff,
} from '../../../src/private/rules/service-network';

const messages = (findings: Finding[]) => findings.map(finding => `${finding.severity} ${finding.slug}: ${finding.message}`);
const token = (ref: string) => Token.asString({ Ref: ref });
const domain = (name: string) => ({ name, verified: true, resource: 'the resource share at Provider/Share' });

const NETWORK_ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0';
const SERVICE_ID = 'svc-0123456789abcdef0';
const SERVICE_ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333:service/svc-0123456789abcdef0';
const PRIVATE_DNS_FOR_RESOURCES = 'https://docs\\.aws\\.amazon\\.com/vpc-lattice/latest/ug/resource-configuration\\.html#custom-domain-names-resource-consumers';

describe('validateServiceNetworkName', () => {
  test.each(['shared-data', 'abc', 'a1b', '123', 'a-b-c', 'servicenetwork', 'my-servicenetwork-x', 'a'.repeat(63)])('accepts %j', name => {
    expect(validateServiceNetworkName(name)).toEqual([]);
  });

  test('accepts no name and a name known only at deploy time', () => {
    expect(validateServiceNetworkName(undefined)).toEqual([]);
    expect(validateServiceNetworkName(token('Name'))).toEqual([]);
  });

  test.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(64)],
    ['empty', ''],
    ['uppercase', 'Shared-data'],
    ['a leading hyphen', '-shared'],
    ['a trailing hyphen', 'shared-'],
    ['a double hyphen', 'shared--data'],
    ['the reserved prefix', 'servicenetwork-data'],
    ['an underscore', 'shared_data'],
    ['a dot', 'shared.data'],
  ])('refuses a name with %s', (_, name) => {
    expect(messages(validateServiceNetworkName(name))).toEqual([
      'error undefined: `serviceNetworkName` must be 3 to 63 lowercase letters, digits and hyphens, with no hyphen first, last or '
      + "twice in a row, and not start with 'servicenetwork-' "
      + '(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetwork.html), '
      + `got '${name}'. Use a name like 'shared-data'.`,
    ]);
  });
});

describe('validateServiceNetworkArn', () => {
  test('accepts an ARN in any partition, no ARN, and one known only at deploy time', () => {
    expect(validateServiceNetworkArn('serviceNetworkArn', NETWORK_ARN)).toEqual([]);
    expect(validateServiceNetworkArn('serviceNetworkArn', 'arn:aws-cn:vpc-lattice:cn-north-1:111122223333:servicenetwork/sn-0123456789abcdef0')).toEqual([]);
    expect(validateServiceNetworkArn('serviceNetworkArn', undefined)).toEqual([]);
    expect(validateServiceNetworkArn('serviceNetworkArn', token('Arn'))).toEqual([]);
  });

  test.each([
    ['an ID', 'sn-0123456789abcdef0'],
    ['a short ID', 'arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123'],
    ['another resource type', SERVICE_ARN],
    ['another service', 'arn:aws:ec2:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0'],
    ['a short account', 'arn:aws:vpc-lattice:us-east-1:1111:servicenetwork/sn-0123456789abcdef0'],
  ])('refuses %s, naming the prop', (_, arn) => {
    expect(messages(validateServiceNetworkArn('serviceNetwork', arn))).toEqual([
      'error undefined: `serviceNetwork` must be the ARN of a VPC Lattice service network, like '
      + `arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0123456789abcdef0, got '${arn}' `
      + '(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetwork.html). '
      + "Copy it from the provider's ServiceNetworkArn output.",
    ]);
  });
});

describe('validateNetworkChoice', () => {
  test('takes a name or an ARN, or neither', () => {
    expect(validateNetworkChoice(true, false)).toEqual([]);
    expect(validateNetworkChoice(false, true)).toEqual([]);
    expect(validateNetworkChoice(false, false)).toEqual([]);
  });

  test('refuses both', () => {
    expect(messages(validateNetworkChoice(true, true))).toEqual([
      'error undefined: both `serviceNetworkName` and `serviceNetworkArn` are given: a name defines a new service network, an ARN '
      + 'adopts an existing one. Remove one of them.',
    ]);
  });
});

describe('validateServiceIdentifier', () => {
  test('accepts a service ID, a service ARN, and one known only at deploy time', () => {
    expect(validateServiceIdentifier(SERVICE_ID)).toEqual([]);
    expect(validateServiceIdentifier(SERVICE_ARN)).toEqual([]);
    expect(validateServiceIdentifier(token('Service'))).toEqual([]);
  });

  test.each(['svc-0123', 'SVC-0123456789ABCDEF0', 'sn-0123456789abcdef0', NETWORK_ARN, `${SERVICE_ID} `, 'orders'])('refuses %j', identifier => {
    expect(messages(validateServiceIdentifier(identifier))).toEqual([
      `error undefined: the VPC Lattice service '${identifier}' must be given by its ID (svc-<17 characters>) or ARN `
      + '(arn:aws:vpc-lattice:<region>:<account>:service/svc-...) '
      + '(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkserviceassociation.html).',
    ]);
  });
});

describe('validateUniqueAssociations', () => {
  test('accepts distinct identifiers and repeated tokens', () => {
    const repeatedToken = token('Service');
    expect(validateUniqueAssociations('the service', [SERVICE_ID, 'svc-0123456789abcdef1', repeatedToken, repeatedToken])).toEqual([]);
    expect(validateUniqueAssociations('the service', [])).toEqual([]);
  });

  test('takes an ID and the ARN that ends in it for one identifier', () => {
    expect(messages(validateUniqueAssociations('the service', [SERVICE_ID, SERVICE_ARN]))).toEqual([
      expect.stringMatching(new RegExp(`^error undefined: the service '${SERVICE_ID}' is added to the service network more than once`)),
    ]);
  });

  test('refuses each repeated identifier once, however often it repeats', () => {
    expect(messages(validateUniqueAssociations('the resource configuration', ['rcfg-1', 'rcfg-2', 'rcfg-1', 'rcfg-2', 'rcfg-1', 'rcfg-3']))).toEqual([
      "error undefined: the resource configuration 'rcfg-1' is added to the service network more than once; a service network holds "
      + 'each once. Remove the repeated one.',
      "error undefined: the resource configuration 'rcfg-2' is added to the service network more than once; a service network holds "
      + 'each once. Remove the repeated one.',
    ]);
  });
});

describe('shareElsewhereMessage', () => {
  const network = { account: '111111111111', region: 'us-east-1' };
  const agnostic = { account: Token.asString({ Ref: 'AWS::AccountId' }), region: Token.asString({ Ref: 'AWS::Region' }) };

  test('is none for a share of the network\'s account and Region, or both environment-agnostic', () => {
    expect(shareElsewhereMessage('Provider/Share', network, network)).toBeUndefined();
    expect(shareElsewhereMessage('Provider/Share', agnostic, agnostic)).toBeUndefined();
    // An account known only at deploy time is not compared.
    expect(shareElsewhereMessage('Provider/Share', { ...network, account: agnostic.account }, network)).toBeUndefined();
    expect(shareElsewhereMessage('Provider/Share', network, { ...network, account: agnostic.account })).toBeUndefined();
  });

  test('refuses another account, before any other Region', () => {
    const expected = /^the resource share at Provider\/Share is in account 222222222222, but the service network is in account 111111111111; a service network carries resource configurations of its own account\. Define the network in the share's account \(and share the network\), or the share in the network's\.$/;
    expect(shareElsewhereMessage('Provider/Share', { ...network, account: '222222222222' }, network)).toMatch(expected);
    expect(shareElsewhereMessage('Provider/Share', { account: '222222222222', region: 'eu-west-1' }, network)).toMatch(expected);
  });

  test('refuses another Region', () => {
    expect(shareElsewhereMessage('Provider/Share', { ...network, region: 'eu-west-1' }, network)).toMatch(
      /^the resource share at Provider\/Share is in eu-west-1, but the service network is in us-east-1, and CDK passes the resource configuration ID only between stacks of one account and Region\. Give both stacks the same `env`\.$/);
  });

  test('refuses an environment-agnostic stack on one side only', () => {
    expect(shareElsewhereMessage('Provider/Share', agnostic, network)).toMatch(
      /^the resource share at Provider\/Share is in an environment-agnostic stack, but the service network is in us-east-1, and CDK passes/);
    expect(shareElsewhereMessage('Provider/Share', network, agnostic)).toMatch(
      /^the resource share at Provider\/Share is in us-east-1, but the service network is in an environment-agnostic stack, and CDK passes/);
  });
});

describe('warnNetworkPrivateDnsOff', () => {
  test('says nothing when the consumer does not ask for private DNS, or no resource has a custom domain name', () => {
    expect(warnNetworkPrivateDnsOff(false, [domain('orders.example.com')])).toEqual([]);
    expect(warnNetworkPrivateDnsOff(true, [])).toEqual([]);
  });

  test('warns once, naming every custom domain name that will not resolve', () => {
    expect(messages(warnNetworkPrivateDnsOff(true, [domain('orders.example.com'), domain('billing.example.com')]))).toEqual([
      expect.stringMatching(new RegExp("^warning networkPrivateDnsOff: the service network's resource associations have private DNS off, "
        + `which overrides this VPC's \\(${PRIVATE_DNS_FOR_RESOURCES}\\), so 'orders\\.example\\.com', 'billing\\.example\\.com' will not `
        + 'resolve here\\. Turn `privateDnsEnabled` on in the PrivateServiceNetwork, or have clients use the names VPC Lattice generates\\.$')),
    ]);
  });
});

describe('validateNoResourceEndpointForSameResource', () => {
  test('accepts private DNS off, or no resource endpoint to the network\'s resources', () => {
    expect(validateNoResourceEndpointForSameResource(false, ['Consumer/Endpoint'])).toEqual([]);
    expect(validateNoResourceEndpointForSameResource(true, [])).toEqual([]);
  });

  test('refuses resource endpoints to the network\'s resources with private DNS on, naming them', () => {
    expect(messages(validateNoResourceEndpointForSameResource(true, ['Consumer/Orders', 'Consumer/Billing']))).toEqual([
      expect.stringMatching(new RegExp('^error undefined: the VPC has resource endpoints \\(Consumer/Orders, Consumer/Billing\\) to resources '
        + 'the service network carries, and with private DNS on AWS refuses a resource endpoint and a service-network endpoint for the '
        + `same resource configuration \\(${PRIVATE_DNS_FOR_RESOURCES}\\)\\. Reach those resources through the service network alone, `
        + 'or remove them from it\\.$')),
    ]);
  });
});

describe('duplicateAssociationId', () => {
  test('names the ID given twice', () => {
    expect(messages(duplicateAssociationId('Orders'))).toEqual([
      "error undefined: the association ID 'Orders' is given twice (addResourceConfiguration, addService); the second one is not "
      + 'added. Give each resource configuration and service an ID of its own.',
    ]);
  });
});
