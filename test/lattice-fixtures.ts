import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { isolatedVpc } from './util';
import { PrivateResourceShare } from '../src/private-resource-share';
import { PortRange, ResourceDefinition } from '../src/resource-definition';

const DOMAIN_VERIFICATION_ID = 'dv-0123456789abcdef0';

/** A share of a host by domain name, in a VPC of its own. */
export interface HostShareProps {
  readonly customDomainName?: string;
  readonly verified?: boolean;
  readonly port?: number;
}

export function hostShare(stack: Stack, id: string, props: HostShareProps = {}): PrivateResourceShare {
  return new PrivateResourceShare(stack, id, {
    vpc: (stack.node.tryFindChild('ResourceVpc') as ec2.Vpc | undefined) ?? isolatedVpc(stack, 'ResourceVpc'),
    resource: ResourceDefinition.dnsName(`${id.toLowerCase()}.partner.net`),
    portRanges: [PortRange.tcp(props.port ?? 443)],
    customDomainName: props.customDomainName,
    domainVerificationId: props.verified ? DOMAIN_VERIFICATION_ID : undefined,
  });
}

