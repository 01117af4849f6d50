package com.example.helloecs.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Typed access to raw configuration values. Values from {@code cdk.json} arrive typed; values from
 * {@code -c key=value} arrive as strings and are coerced here. A value of the wrong type is reported once
 * and the setting's default is used so that validation can go on and report everything together.
 */
public final class Values {
    private final Map<String, Object> raw;
    private final Problems problems;

    public Values(Map<String, Object> raw, Problems problems) {
        this.raw = raw;
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    public boolean isSet(Setting s) {
        Object v = raw.get(s.key());
        return v != null && !(v instanceof String str && str.isBlank() && s.type() != SettingType.STRING);
    }

    /** A string setting; {@code null} when unset and without default. An empty string is a problem. */
    public String string(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return (String) s.defaultValue();
        }
        if (!(v instanceof String str)) {
            return wrongType(s, v, "a string");
        }
        if (str.isBlank()) {
            problems.add(s.key(), v, "a non-empty string: " + s.allowed());
            return (String) s.defaultValue();
        }
        return str.trim();
    }

    public Integer integer(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return (Integer) s.defaultValue();
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long || v instanceof Short) {
            long l = ((Number) v).longValue();
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return (int) l;
            }
        }
        if (v instanceof String str) {
            try {
                return Integer.parseInt(str.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return wrongType(s, v, "an integer: " + s.allowed());
    }

    /** A number that may have a fraction (a JSON number, or its text on the command line). */
    public Double decimal(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return (Double) s.defaultValue();
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (v instanceof String str) {
            try {
                double d = Double.parseDouble(str.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return wrongType(s, v, "a number: " + s.allowed());
    }

    public Boolean bool(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return (Boolean) s.defaultValue();
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String str) {
            String t = str.trim();
            if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(t);
            }
        }
        return wrongType(s, v, "true or false");
    }

    /**
     * A list of strings: a JSON array in cdk.json, or on the command line either a JSON array or a
     * comma-separated string ({@code -c registry.replicationRegions=us-east-1,eu-west-1}).
     */
    @SuppressWarnings("unchecked")
    public List<String> list(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return (List<String>) s.defaultValue();
        }
        if (v instanceof String str) {
            String t = str.trim();
            if (t.startsWith("[")) {
                v = parseJson(s, t);
                if (v == null) {
                    return (List<String>) s.defaultValue();
                }
            } else {
                return t.isEmpty() ? List.of()
                        : Arrays.stream(t.split(",")).map(String::trim).toList();
            }
        }
        if (v instanceof List<?> items) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item instanceof String str) {
                    out.add(str.trim());
                } else {
                    problems.add(s.key() + "[" + i + "]", item, "a string: " + s.allowed());
                }
            }
            return List.copyOf(out);
        }
        return wrongType(s, v, "a list of strings: " + s.allowed());
    }

    /** A JSON setting: a structure from cdk.json, or JSON text from the command line. */
    public Object json(Setting s) {
        Object v = raw.get(s.key());
        if (v == null) {
            return s.defaultValue();
        }
        if (v instanceof String str) {
            Object parsed = parseJson(s, str.trim());
            return parsed == null ? s.defaultValue() : parsed;
        }
        return v;
    }

    private Object parseJson(Setting s, String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            problems.add(s.key(), text, "valid JSON (" + e.getOriginalMessage() + "): " + s.allowed());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T wrongType(Setting s, Object v, String expected) {
        problems.add(s.key(), v, expected);
        return (T) s.defaultValue();
    }
}
