/** The construct metadata types the reachability proof reads from the cloud assembly (`NetworkRequirements`). */
export const REQUIRED_SERVICES_METADATA = 'cdk-private-endpoints:requiredServices';
export const NO_INTERNET_METADATA = 'cdk-private-endpoints:noInternet';
