package com.example.helloecs.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reads raw configuration values into their setting's type and runs the setting's own check, once per key.
 * Values from {@code cdk.json} arrive typed; values from {@code -c key=value} arrive as strings and are coerced
 * here. A value of the wrong type is reported once and the setting's default is used, so that validation can go on
 * and report everything together.
 */
public final class Values {
    private final Map<String, Object> raw;
    private final Problems problems;
    private final Map<Setting<?>, Object> values = new HashMap<>();
    private final Map<Setting<?>, Boolean> valid = new HashMap<>();

    public Values(Map<String, Object> raw, Problems problems) {
        this.raw = raw;
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isSet(Setting<?> s) {
        Object v = raw.get(s.key());
        return v != null && !(v instanceof String str && str.isBlank() && s.type() != SettingType.STRING);
    }

    /** The value of {@code s} (its default when unset), after its type and its own check were applied. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> s) {
        if (!valid.containsKey(s)) {
            int before = problems.size();
            T value = (T) coerce(s);
            boolean ok = problems.size() == before;
            if (ok && value != null && isSet(s) && s.check() != null) {
                ok = s.check().test(problems, s.key(), value);
            }
            values.put(s, value);
            valid.put(s, ok);
        }
        return (T) values.get(s);
    }

    /** Whether the value of {@code s} has the right type and passed its own check (rules spanning keys aside). */
    public boolean ok(Setting<?> s) {
        get(s);
        return valid.get(s);
    }

    /** Reads and checks every setting that applies to one deployment, and returns them, typed and immutable. */
    public SettingValues resolve() {
        Map<Setting<?>, Object> out = new LinkedHashMap<>();
        for (Setting<?> s : Settings.ALL) {
            if (Settings.overridable(s)) {
                out.put(s, get(s));
            }
        }
        return new SettingValues(out);
    }

    private Object coerce(Setting<?> s) {
        Object v = raw.get(s.key());
        return v == null ? s.defaultValue() : s.type().reader().read(this, s, v);
    }

    Object string(Setting<?> s, Object v) {
        if (!(v instanceof String str)) {
            return wrongType(s, v, "a string");
        }
        if (str.isBlank()) {
            return wrongType(s, v, "a non-empty string: " + s.allowed());
        }
        return str.trim();
    }

    Object integer(Setting<?> s, Object v) {
        if (v instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof Short)
                && n.longValue() == n.intValue()) {
            return n.intValue();
        }
        if (v instanceof String str && parse(str, Integer::valueOf) instanceof Integer i) {
            return i;
        }
        return wrongType(s, v, "an integer: " + s.allowed());
    }

    /** A number that may have a fraction: a JSON number, or its text on the command line. */
    Object number(Setting<?> s, Object v) {
        Object n = v instanceof String str ? parse(str, Double::valueOf) : v;
        if (n instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        return wrongType(s, v, "a number: " + s.allowed());
    }

    /** The trimmed text as a number, or {@code null} when it is not one (reported by the caller). */
    private static Number parse(String text, Function<String, Number> parser) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Object bool(Setting<?> s, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String str && (str.trim().equalsIgnoreCase("true") || str.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(str.trim());
        }
        return wrongType(s, v, "true or false");
    }

    /**
     * A list of strings: a JSON array in cdk.json, or on the command line either a JSON array or a
     * comma-separated string ({@code -c registry.replicationRegions=us-east-1,eu-west-1}).
     */
    Object list(Setting<?> s, Object v) {
        if (v instanceof String str) {
            String t = str.trim();
            if (!t.startsWith("[")) {
                return t.isEmpty() ? List.of() : Arrays.stream(t.split(",")).map(String::trim).toList();
            }
            v = parseJson(s, t);
        }
        if (v instanceof List<?> items) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof String str) {
                    out.add(str.trim());
                } else {
                    problems.add(s.key() + "[" + i + "]", items.get(i), "a string: " + s.allowed());
                }
            }
            return List.copyOf(out);
        }
        return v == s.defaultValue() ? v : wrongType(s, v, "a list of strings: " + s.allowed());
    }

    Object json(Setting<?> s, Object v) {
        return v instanceof String str ? parseJson(s, str.trim()) : v;
    }

    private Object parseJson(Setting<?> s, String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            problems.add(s.key(), text, "valid JSON (" + e.getOriginalMessage() + "): " + s.allowed());
            return s.defaultValue();
        }
    }

    private Object wrongType(Setting<?> s, Object v, String expected) {
        problems.add(s.key(), v, expected);
        return s.defaultValue();
    }
}
