package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.DELETION_PROTECTION;
import static com.example.helloecs.config.Settings.NAT_GATEWAYS;
import static com.example.helloecs.config.Settings.PRIVATE_EGRESS;
import static com.example.helloecs.config.Settings.PROFILE;

import java.util.List;

/**
 * The {@code profile} of a deployment and what it switches on. Defaults: {@link Settings}.
 *
 * <p>{@code hardened} puts the tasks in private subnets (reaching AWS through VPC endpoints, or NAT gateways with
 * {@code service.privateEgress=nat}), requires HTTPS, associates a WAFv2 web ACL with the load balancer, encrypts
 * the log groups with a customer managed KMS key and turns on the load balancer's deletion protection.
 *
 * @param hardened           profile {@code hardened}
 * @param natEgress          hardened tasks reach AWS through NAT gateways instead of VPC endpoints
 * @param deletionProtection load balancer deletion protection (default: on with hardened)
 */
public record HardeningConfig(boolean hardened, boolean natEgress, boolean deletionProtection) {
    public static final String DEFAULT = "default";
    public static final String HARDENED = "hardened";
    public static final String ENDPOINTS = "endpoints";
    public static final String NAT = "nat";
    /** Profile {@code default}: nothing hardened. */
    public static final HardeningConfig NONE = new HardeningConfig(false, false, false);

    /** Whether the tasks reach AWS through VPC interface and gateway endpoints. */
    public boolean endpoints() {
        return hardened && !natEgress;
    }

    /** Reads and validates the profile keys; {@code service} is the already-read service configuration. */
    static HardeningConfig read(Values v, ServiceConfig service) {
        Problems p = v.problems();
        String profile = v.string(PROFILE);
        boolean hardened = HARDENED.equals(profile);
        Checks.oneOf(p, PROFILE.key(), profile, List.of(DEFAULT, HARDENED));
        String egress = v.string(PRIVATE_EGRESS);
        boolean nat = NAT.equals(egress);
        if (!hardened && v.isSet(PRIVATE_EGRESS)) {
            p.add(PRIVATE_EGRESS.key(), egress, "no value unless profile is hardened (with profile default, "
                    + "service.natGateways alone decides where the tasks run)");
        } else if (hardened && Checks.oneOf(p, PRIVATE_EGRESS.key(), egress, List.of(ENDPOINTS, NAT))) {
            if (nat && service.natGateways() < 1) {
                p.add(NAT_GATEWAYS.key(), service.natGateways(),
                        "an integer from 1 to 3 with service.privateEgress nat");
            } else if (!nat && service.natGateways() > 0) {
                p.add(NAT_GATEWAYS.key(), service.natGateways(), "0 with service.privateEgress endpoints (tasks "
                        + "reach ECR, S3 and CloudWatch Logs through VPC endpoints); or set service.privateEgress=nat");
            }
        }
        if (hardened && !service.https()) {
            p.add(Settings.CERTIFICATE_ARN.key(), null, "a value: profile hardened serves HTTPS only; set "
                    + "service.certificateArn, or service.domainName with service.hostedZoneId and "
                    + "service.hostedZoneName");
        }
        if (hardened && !service.accessLogs()) {
            p.add(Settings.ACCESS_LOGS.key(), false, "true: profile hardened keeps load balancer access logs "
                    + "(NIST 800-53 R5 and PCI DSS 3.2.1 ELBLoggingEnabled)");
        }
        Boolean protection = v.bool(DELETION_PROTECTION);
        return new HardeningConfig(hardened, hardened && nat, protection == null ? hardened : protection);
    }
}
