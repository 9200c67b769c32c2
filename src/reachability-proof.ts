import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { readAssembly } from './prove/assembly';
import { proveStacks } from './prove/prove';
import { proofHolds } from './prove/report';

/** Options of the `ReachabilityProof` plugin. */
export interface ReachabilityProofProps {
  /**
   * Whether a requirement that cannot be decided at synth (a token, an imported value, a deploy-time lookup) fails the
   * validation too.
   *
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * The reachability proof as a CDK policy validation plugin, so that `cdk synth` itself fails when a workload subnet would
 * not reach a service it needs privately, or a subnet that must have none has a path to the internet:
 * `Validations.of(app).addPlugins(new ReachabilityProof())`. It proves the same as `npx cdk-private-endpoints prove`.
 */
export class ReachabilityProof implements IPolicyValidationPlugin {
  public readonly name = 'cdk-private-endpoints-reachability';
  public readonly ruleIds?: string[] = ['reachability', 'no-internet'];
  private readonly strict: boolean;

  constructor(props: ReachabilityProofProps = {}) {
    this.strict = props.strict ?? false;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const directories = [...new Set(context.templatePaths.map(templatePath => path.dirname(templatePath)))];
    // The root assembly holds every stack, nested stages included; its directory is the shortest.
    const root = directories.sort((a, b) => a.length - b.length)[0];
    const stacks = root === undefined ? [] : readAssembly(root);
    const result = proveStacks(stacks);
    const templateOf = (key: string) => {
      const [stackId, logicalId] = key.split('|');
      return { resourceLogicalId: logicalId, templatePath: stacks.find(s => s.id === stackId)?.templatePath ?? '', locations: [] };
    };
    const violations: PolicyViolation[] = [
      ...result.requirements.filter(r => r.verdict === 'unreachable' || (this.strict && r.verdict === 'unknown')).map(r => {
        const hop = r.hops.find(h => h.holds === false) ?? r.hops.find(h => h.holds === undefined)!;
        return {
          ruleName: 'reachability',
          description: `${r.subnet} does not reach ${r.service}${r.host ? ` (${r.host})` : ''} privately: ${hop.name}: ${hop.detail}`,
          violatingResources: [templateOf(r.subnetKey)],
        };
      }),
      ...result.internetPaths.filter(p => p.forbidden).map(p => ({
        ruleName: 'no-internet',
        description: `${p.subnet} must have no path to the internet, but has one: ${p.kind}, ${p.detail}`,
        violatingResources: [templateOf(p.subnetKey)],
      })),
    ];
    return { success: proofHolds(result, this.strict), violations };
  }
}
