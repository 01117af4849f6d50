package com.example.helloecs.service;

import java.util.List;


import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.IListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.constructs.Construct;

/**
 * The load balancer's listeners. Default: HTTP on port 80 forwarding to the tasks. With
 * {@code service.certificateArn}, or {@code service.domainName} (a DNS-validated certificate and an alias record in
 * the hosted zone), HTTPS on 443 forwards and port 80 only redirects to it. Security groups are managed by
 * {@link WebService}, so the listeners do not open them.
 */
public class Listeners extends Construct {
    /** Port 80: forwards, or redirects to HTTPS. */
    public final ApplicationListener http;
    /** Port 443, or {@code null} without a certificate. */
    public final ApplicationListener https;
    /** The certificate created for {@code service.domainName}, or {@code null}. */
    public final Certificate certificate;
    /** The alias record for {@code service.domainName}, or {@code null}. */
    public final ARecord aliasRecord;
    /** Where users reach the service (may contain the load balancer's DNS name token). */
    public final String url;

    public Listeners(Construct scope, String id, WebServiceProps props, ApplicationLoadBalancer loadBalancer,
                     ApplicationTargetGroup targetGroup) {
        super(scope, id);
        IListenerCertificate listenerCertificate = null;
        IHostedZone zone = null;
        if (props.certificateArn() != null) {
            listenerCertificate = ListenerCertificate.fromArn(props.certificateArn());
            this.certificate = null;
        } else if (props.domainName() != null) {
            zone = HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                    .hostedZoneId(props.hostedZoneId()).zoneName(props.hostedZoneName()).build());
            this.certificate = Certificate.Builder.create(this, "Certificate")
                    .domainName(props.domainName())
                    .validation(CertificateValidation.fromDns(zone))
                    .build();
            listenerCertificate = ListenerCertificate.fromCertificateManager(certificate);
        } else {
            this.certificate = null;
        }

        if (listenerCertificate == null) {
            this.https = null;
            this.http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                    .defaultTargetGroups(List.of(targetGroup))
                    .build());
        } else {
            // The SSL policy is CDK's default under the usePostQuantumTlsPolicy flag (TLS 1.2+ only).
            this.https = loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                    .port(443).protocol(ApplicationProtocol.HTTPS).open(false)
                    .certificates(List.of(listenerCertificate))
                    .defaultTargetGroups(List.of(targetGroup))
                    .build());
            this.http = loadBalancer.addListener("Http", BaseApplicationListenerProps.builder()
                    .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                    .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                            .protocol("HTTPS").port("443").permanent(true).build()))
                    .build());
        }

        if (zone != null) {
            this.aliasRecord = ARecord.Builder.create(this, "Alias")
                    .zone(zone)
                    .recordName(props.domainName())
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(loadBalancer)))
                    .build();
            this.url = "https://" + props.domainName() + "/";
        } else {
            this.aliasRecord = null;
            this.url = (https != null ? "https://" : "http://") + loadBalancer.getLoadBalancerDnsName() + "/";
        }
    }
}
