package com.example.helloecs.config;

/**
 * One documented configuration key. The catalogue of these ({@link Settings#ALL}) is the single source for
 * parsing, unknown-key detection and the configuration reference (docs/configuration.md).
 *
 * @param key          the CDK context key
 * @param type         its value type
 * @param defaultValue the default, as a value of the setting's type; {@code null} when the key is optional
 *                     and has no default
 * @param allowed      what values are allowed, for error messages and the reference
 * @param description  what the setting does
 */
public record Setting(String key, SettingType type, Object defaultValue, String allowed, String description) {

    /** The default as shown in the reference table. */
    public String defaultText() {
        if (defaultValue == null) {
            return "(none)";
        }
        if (defaultValue instanceof String s) {
            return s.isEmpty() ? "\"\"" : s;
        }
        return Json.write(defaultValue);
    }
}
