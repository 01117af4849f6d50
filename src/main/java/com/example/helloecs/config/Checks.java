package com.example.helloecs.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.regions.Region;

/**
 * Small, pure validation functions. Each adds a {@link Problem} naming the key, the value and what is allowed,
 * and returns whether the value passed, so callers can skip checks that depend on it.
 */
public final class Checks {
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    public static final Pattern PARTITION = Pattern.compile("aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc");
    private static final Pattern IAM_PRINCIPAL_ARN = Pattern.compile(
            "arn:(" + PARTITION.pattern() + "):iam::\\d{12}:(root|(role|user)/[\\w+=,.@/-]{1,512})");
    private static final Pattern KMS_KEY_ARN = Pattern.compile(
            "arn:(" + PARTITION.pattern() + "):kms:[a-z0-9-]+:\\d{12}:key/[a-zA-Z0-9-]{1,128}");
    private static final Pattern ACM_ARN = Pattern.compile(
            "arn:(" + PARTITION.pattern() + "):acm:[a-z0-9-]+:\\d{12}:certificate/[a-zA-Z0-9-]{1,128}");
    private static final Pattern CONNECTION_ARN = Pattern.compile(
            "arn:(" + PARTITION.pattern() + "):(codestar-connections|codeconnections):[a-z0-9-]+:\\d{12}:connection/[a-zA-Z0-9-]{1,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> REGIONS = knownRegions();

    private Checks() {
    }

    /** Region codes known to the AWS SDK's endpoint metadata (global pseudo-regions excluded). */
    private static Set<String> knownRegions() {
        Set<String> out = new HashSet<>();
        for (Region r : Region.regions()) {
            if (!r.isGlobalRegion() && !r.id().startsWith("fips-") && !r.id().endsWith("-fips")) {
                out.add(r.id());
            }
        }
        return Set.copyOf(out);
    }

    /** The length of the longest region code known, for names that include {@code ${AWS::Region}}. */
    public static int longestRegionLength() {
        return REGIONS.stream().mapToInt(String::length).max().orElse(0);
    }

    public static boolean isRegion(String value) {
        return value != null && REGIONS.contains(value);
    }

    public static boolean range(Problems p, String key, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            p.add(key, value, "an integer from " + min + " to " + max);
            return false;
        }
        return true;
    }

    public static boolean oneOf(Problems p, String key, String value, Collection<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            p.add(key, value, "one of " + String.join(", ", allowed));
            return false;
        }
        return true;
    }

    public static boolean matches(Problems p, String key, String value, Pattern pattern, String allowed) {
        if (value == null || !pattern.matcher(value).matches()) {
            p.add(key, value, allowed);
            return false;
        }
        return true;
    }

    public static boolean accountId(Problems p, String key, String value) {
        return matches(p, key, value, ACCOUNT_ID, "a 12-digit AWS account ID");
    }

    public static boolean region(Problems p, String key, String value) {
        if (!isRegion(value)) {
            p.add(key, value, "a known AWS region code such as us-east-1 or eu-west-1");
            return false;
        }
        return true;
    }

    /** An account ID or an IAM role/user/root ARN; a {@code *} principal is never allowed. */
    public static boolean principal(Problems p, String key, String value) {
        if (value == null || !(ACCOUNT_ID.matcher(value).matches() || IAM_PRINCIPAL_ARN.matcher(value).matches())) {
            p.add(key, value, "a 12-digit account ID or an IAM ARN (arn:aws:iam::123456789012:role/NAME, "
                    + "user/NAME or root); wildcards are not allowed");
            return false;
        }
        return true;
    }

    public static boolean kmsKeyArn(Problems p, String key, String value) {
        return matches(p, key, value, KMS_KEY_ARN,
                "a KMS key ARN such as arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    public static boolean certificateArn(Problems p, String key, String value) {
        return matches(p, key, value, ACM_ARN,
                "an ACM certificate ARN such as arn:aws:acm:eu-west-1:123456789012:certificate/ID");
    }

    public static boolean connectionArn(Problems p, String key, String value) {
        return matches(p, key, value, CONNECTION_ARN,
                "a connection ARN such as arn:aws:codeconnections:eu-west-1:123456789012:connection/ID");
    }

    public static boolean email(Problems p, String key, String value) {
        return matches(p, key, value, EMAIL, "an email address such as ops@example.com");
    }

    /** Reports each value that appears more than once. */
    public static boolean distinct(Problems p, String key, List<String> values) {
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (String v : values) {
            if (!seen.add(v)) {
                p.add(key, values, "distinct values; " + Problem.render(v) + " appears more than once");
                ok = false;
            }
        }
        return ok;
    }

    /** Levenshtein distance, for did-you-mean suggestions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
