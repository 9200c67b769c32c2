import { AssemblyStack, readAssembly } from './assembly';
import { evaluate, ProofResult } from './evaluate';
import { NetworkModel } from './network-model';
import { ReferenceResolver } from './references';

/** Proves or refutes the stacks of an assembly (`readAssembly`): reachability of what each workload subnet needs, and internet paths. */
export function proveStacks(stacks: AssemblyStack[]): ProofResult {
  return evaluate(new NetworkModel(new ReferenceResolver(stacks)));
}

/** Reads the cloud assembly in `directory` (`cdk.out`) and proves or refutes it. Throws `UnreadableAssemblyError`. */
export function proveAssembly(directory: string): ProofResult {
  return proveStacks(readAssembly(directory));
}
