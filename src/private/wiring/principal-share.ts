import { Lazy, Names } from 'aws-cdk-lib';
import * as ram from 'aws-cdk-lib/aws-ram';
import { Construct } from 'constructs';

export interface PrincipalShareProps {
  /** The ARN of the resource to share. */
  readonly resourceArn: string;
  /** Whether accounts outside the organization may be principals. */
  readonly allowExternalPrincipals: boolean;
  /** The managed permissions of the share. Default: the resource type's default permission. */
  readonly permissionArns?: string[];
}

/**
 * The AWS RAM share of one resource with the principals added to it. The share is defined with the first principal:
 * a share without principals would share with nobody, so there is none until someone is allowed.
 */
export class PrincipalShare {
  private readonly principals: string[] = [];
  private share?: ram.CfnResourceShare;

  /**
   * @param scope the construct that owns the share, whose path names it
   * @param id the construct ID of the `AWS::RAM::ResourceShare`
   */
  constructor(private readonly scope: Construct, private readonly id: string, private readonly props: PrincipalShareProps) {}

  /** The principals added so far, in the order they were added, duplicates included (the share lists each once). */
  public get allowedPrincipals(): string[] {
    return [...this.principals];
  }

  public addPrincipal(principal: string): void {
    this.principals.push(principal);
    this.share ??= new ram.CfnResourceShare(this.scope, this.id, {
      name: Names.uniqueResourceName(this.scope, { maxLength: 255, separator: '-' }),
      resourceArns: [this.props.resourceArn],
      principals: Lazy.list({ produce: () => [...new Set(this.principals)] }),
      allowExternalPrincipals: this.props.allowExternalPrincipals,
      permissionArns: this.props.permissionArns,
    });
  }
}
