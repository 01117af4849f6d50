package com.example.helloecs.config;

/** The cdk-nag rule packs the app can run at synthesis ({@code compliance.packs}). */
public enum CompliancePack {
    /** AWS Solutions: always runs. */
    AwsSolutions,
    /** NIST 800-53 rev 5. */
    NIST80053R5,
    /** PCI DSS 3.2.1. */
    PCIDSS321
}
