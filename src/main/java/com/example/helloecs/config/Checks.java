package com.example.helloecs.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import software.amazon.awssdk.regions.Region;

/**
 * Small, pure validations as {@link Check}s: each names what it allows, adds a {@link Problem} with the key, the
 * value and that expectation, and returns whether the value passed, so readers can skip rules that depend on it.
 */
public final class Checks {
    public static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    public static final Pattern PARTITION = Pattern.compile("aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc");
    private static final Pattern IAM_PRINCIPAL_ARN = Pattern.compile(
            "arn:(" + PARTITION.pattern() + "):iam::\\d{12}:(root|(role|user)/[\\w+=,.@/-]{1,512})");
    /** Region codes known to the AWS SDK's endpoint metadata (global pseudo-regions and FIPS endpoints excluded). */
    private static final Set<String> REGIONS = Region.regions().stream().filter(r -> !r.isGlobalRegion())
            .map(Region::id).filter(id -> !id.startsWith("fips-") && !id.endsWith("-fips"))
            .collect(Collectors.toUnmodifiableSet());

    /** A 12-digit account ID. */
    public static final Check<String> ACCOUNT = pattern(ACCOUNT_ID, "a 12-digit AWS account ID");
    /** A region code the AWS SDK knows. */
    public static final Check<String> REGION = Check.of("a known AWS region code such as us-east-1 or eu-west-1",
            REGIONS::contains);
    /** An account ID or an IAM role/user/root ARN; a {@code *} principal is never allowed. */
    public static final Check<String> PRINCIPAL = Check.of("a 12-digit account ID or an IAM ARN "
            + "(arn:aws:iam::123456789012:role/NAME, user/NAME or root); wildcards are not allowed",
            v -> ACCOUNT_ID.matcher(v).matches() || IAM_PRINCIPAL_ARN.matcher(v).matches());
    public static final Check<String> KMS_KEY_ARN = arn("kms", "key",
            "a KMS key ARN such as arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    public static final Check<String> CERTIFICATE_ARN = arn("acm", "certificate",
            "an ACM certificate ARN such as arn:aws:acm:eu-west-1:123456789012:certificate/ID");
    public static final Check<String> CONNECTION_ARN = arn("(codestar-connections|codeconnections)", "connection",
            "a connection ARN such as arn:aws:codeconnections:eu-west-1:123456789012:connection/ID");
    public static final Check<String> EMAIL = pattern(Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
            "an email address such as ops@example.com");

    private Checks() {
    }

    /** The length of the longest region code known, for names that include {@code ${AWS::Region}}. */
    public static int longestRegionLength() {
        return REGIONS.stream().mapToInt(String::length).max().orElse(0);
    }

    /** An integer from {@code min} to {@code max}, both included. */
    public static Check<Integer> range(int min, int max) {
        return Check.of("an integer from " + min + " to " + max, v -> v >= min && v <= max);
    }

    /** {@code 0}, meaning off, or an integer from {@code min} to {@code max}. */
    public static Check<Integer> zeroOrRange(int min, int max) {
        return Check.of("0 (off) or an integer from " + min + " to " + max, v -> v == 0 || v >= min && v <= max);
    }

    /** A number from {@code min} to {@code max} that is a whole number of tenths (the ECS API's "multiples of 0.1"). */
    public static Check<Double> tenths(double min, double max) {
        return Check.of("a multiple of 0.1 from " + min + " to " + max, v -> v >= min && v <= max
                && java.math.BigDecimal.valueOf(v).multiply(java.math.BigDecimal.TEN).stripTrailingZeros().scale() <= 0);
    }

    /** A number from {@code min} to {@code max}, both included. */
    public static Check<Double> between(double min, double max) {
        return Check.of("a number from " + min + " to " + max, v -> v >= min && v <= max);
    }

    /** One of the given values. */
    @SafeVarargs
    public static <T> Check<T> oneOf(T... allowed) {
        List<T> values = List.of(allowed);
        String text = values.get(0) instanceof String
                ? values.stream().map(String::valueOf).collect(Collectors.joining(", "))
                : values.toString();
        return Check.of("one of " + text, values::contains);
    }

    /** The whole value matches {@code pattern}. */
    public static Check<String> pattern(Pattern pattern, String expected) {
        return Check.of(expected, v -> pattern.matcher(v).matches());
    }

    private static Check<String> arn(String service, String resource, String expected) {
        return pattern(Pattern.compile("arn:(" + PARTITION.pattern() + "):" + service + ":[a-z0-9-]+:\\d{12}:"
                + resource + "/[a-zA-Z0-9-]{1,128}"), expected);
    }

    /** Distinct values that each pass {@code element} (reported as {@code key[i]}). */
    public static Check<List<String>> each(Check<String> element) {
        return each(element, 0, Integer.MAX_VALUE, "values");
    }

    /** From {@code min} to {@code max} distinct {@code noun}, each passing {@code element}. */
    public static Check<List<String>> each(Check<String> element, int min, int max, String noun) {
        String count = max == Integer.MAX_VALUE ? "" : min + " to " + max + " ";
        return new Check<>(count + "distinct " + noun + ", each " + element.expected(), (p, key, values) -> {
            boolean ok = true;
            if (values.size() < min || values.size() > max) {
                p.add(key, values, min + " to " + max + " " + noun);
                ok = false;
            }
            for (int i = 0; i < values.size(); i++) {
                ok &= element.test(p, key + "[" + i + "]", values.get(i));
            }
            return distinct(p, key, values) && ok;
        });
    }

    /** Reports each value that appears more than once. */
    public static boolean distinct(Problems p, String key, Collection<String> values) {
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
