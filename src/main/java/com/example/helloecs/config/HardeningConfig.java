package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.*;

/**
 * The {@code profile} of a deployment and what it switches on: see the {@code profile} entry of {@link Settings}
 * (defaults there too) and docs/profiles.md.
 *
 * @param hardened           profile {@code hardened}
 * @param natEgress          hardened tasks reach AWS through NAT gateways instead of VPC endpoints
 * @param deletionProtection load balancer deletion protection (default: on with hardened)
 */
public record HardeningConfig(boolean hardened, boolean natEgress, boolean deletionProtection) {
    /** Whether the tasks reach AWS through VPC interface and gateway endpoints. */
    public boolean endpoints() {
        return hardened && !natEgress;
    }

    /** Reads the profile keys and checks the rules that tie them to the service keys. */
    static HardeningConfig read(Values v) {
        Problems p = v.problems();
        boolean hardened = "hardened".equals(v.get(PROFILE));
        String egress = v.get(PRIVATE_EGRESS);
        boolean nat = "nat".equals(egress);
        if (!hardened && v.isSet(PRIVATE_EGRESS)) {
            p.add(PRIVATE_EGRESS.key(), egress, "no value unless profile is hardened (with profile default, "
                    + "service.natGateways alone decides where the tasks run)");
        } else if (hardened && v.ok(PRIVATE_EGRESS)) {
            if (nat && v.get(NAT_GATEWAYS) < 1) {
                p.add(NAT_GATEWAYS.key(), v.get(NAT_GATEWAYS),
                        "an integer from 1 to 3 with service.privateEgress nat");
            } else if (!nat && v.get(NAT_GATEWAYS) > 0) {
                p.add(NAT_GATEWAYS.key(), v.get(NAT_GATEWAYS), "0 with service.privateEgress endpoints (tasks "
                        + "reach ECR, S3 and CloudWatch Logs through VPC endpoints); or set service.privateEgress=nat");
            }
        }
        if (hardened && v.get(CERTIFICATE_ARN) == null && v.get(DOMAIN_NAME) == null) {
            p.add(CERTIFICATE_ARN.key(), null, "a value: profile hardened serves HTTPS only; set "
                    + "service.certificateArn, or service.domainName with service.hostedZoneId and "
                    + "service.hostedZoneName");
        }
        if (hardened && !v.get(ACCESS_LOGS)) {
            p.add(ACCESS_LOGS.key(), false, "true: profile hardened keeps load balancer access logs "
                    + "(NIST 800-53 R5 and PCI DSS 3.2.1 ELBLoggingEnabled)");
        }
        Boolean protection = v.get(DELETION_PROTECTION);
        return new HardeningConfig(hardened, hardened && nat, protection == null ? hardened : protection);
    }
}
