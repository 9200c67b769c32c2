import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { PrivateEgressVpc } from '../../private-egress-vpc';
import { NO_INTERNET_METADATA } from '../../prove/metadata';
import { NoInternetDeclaration } from '../rules/block-public-access';

// What a VPC Block Public Access exclusion needs to know about the VPC or subnet it exempts, read from the construct tree.

/** The VPC a subnet belongs to, where the subnet is a child of it (subnets of an `ec2.Vpc` and of an imported VPC are). */
export function vpcOfSubnet(subnet: ec2.ISubnet): ec2.IVpc | undefined {
  return subnet.node.scopes.slice(0, -1).reverse().find(isVpc);
}

function isVpc(scope: IConstruct): scope is ec2.IVpc {
  return 'vpcId' in scope && 'selectSubnets' in scope;
}

/**
 * Where the VPC declares that it has no internet path (`NetworkRequirements.forbidInternet`, which a PrivateEgressVpc
 * calls for the VPC it defines): metadata on its `AWS::EC2::VPC`, or on the VPC itself when imported.
 */
export function noInternetDeclaration(vpc: ec2.IVpc): NoInternetDeclaration | undefined {
  const resource = vpc.node.defaultChild ?? vpc;
  if (!declaresNoInternet(resource)) {
    return undefined;
  }
  const owner = vpc.node.scope;
  return { vpcPath: vpc.node.path, privateEgressVpcPath: owner instanceof PrivateEgressVpc ? owner.node.path : undefined };
}

/** Whether the construct (an `AWS::EC2::VPC`, or an imported VPC) carries the no-internet requirement. */
export function declaresNoInternet(construct: IConstruct): boolean {
  return construct.node.metadata.some(entry => entry.type === NO_INTERNET_METADATA);
}

/**
 * The construct ID of the exclusion of a VPC or subnet: its path, within its stack when that is the exclusion's stack,
 * so that adding or removing another exclusion changes no logical ID. (Constructs turns the slashes into `--`.)
 */
export function exclusionId(target: IConstruct, stack: Stack): string {
  const targetStack = Stack.of(target);
  return targetStack === stack ? target.node.path.slice(stack.node.path.length).replace(/^\//, '') : target.node.path;
}
