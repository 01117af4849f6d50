package com.example.helloecs.cost;

import java.math.BigDecimal;

/**
 * Usage the templates cannot tell, assumed for the estimate (each a {@code cost} option).
 *
 * @param lcu     ALB capacity units used per hour, on average
 * @param natGb   GB processed per month by all NAT gateways together
 * @param logGb   GB ingested per month into each log group
 * @param imageMb compressed size of one image in the registry, in MB
 * @param images  images kept in a repository whose lifecycle policy sets no count limit
 */
public record Assumptions(BigDecimal lcu, BigDecimal natGb, BigDecimal logGb, BigDecimal imageMb, int images) {
    public static final String DEFAULT_LCU = "1";
    public static final String DEFAULT_NAT_GB = "10";
    public static final String DEFAULT_LOG_GB = "1";
    /** A round figure above this project's compressed image (bookworm-slim ~29 MB plus the Apache layer). */
    public static final String DEFAULT_IMAGE_MB = "60";
    public static final String DEFAULT_IMAGES = "20";

    public Assumptions {
        for (BigDecimal v : new BigDecimal[] {lcu, natGb, logGb, imageMb}) {
            if (v.signum() < 0) {
                throw new IllegalArgumentException("assumed usage must not be negative: " + v.toPlainString());
            }
        }
        if (images < 0) {
            throw new IllegalArgumentException("assumed image count must not be negative: " + images);
        }
    }

    public static Assumptions defaults() {
        return new Assumptions(new BigDecimal(DEFAULT_LCU), new BigDecimal(DEFAULT_NAT_GB),
                new BigDecimal(DEFAULT_LOG_GB), new BigDecimal(DEFAULT_IMAGE_MB), Integer.parseInt(DEFAULT_IMAGES));
    }
}
