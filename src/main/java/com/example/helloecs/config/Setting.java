package com.example.helloecs.config;

/**
 * One documented configuration key with its type, default, validation and description: everything about a setting
 * is declared once, in its catalogue entry ({@link Settings}), completed and registered by {@link #describe}.
 *
 * @param key          the CDK context key
 * @param type         its value type
 * @param group        the group it belongs to in the catalogue and the reference (sleeper's property groups)
 * @param defaultValue the default, as a value of the type; {@code null} when the key is optional without default
 * @param check        the value's own validation, or {@code null} when its type says all (booleans) or a reader
 *                     checks it
 * @param note         a rule that spans several keys (enforced by the reader of their area), or {@code null}
 * @param description  what the setting does
 * @param <T> the value type (one of {@link SettingType}'s)
 */
public record Setting<T>(String key, SettingType<T> type, String group, T defaultValue, Check<? super T> check,
                         String note, String description) {
    /** What values are allowed: the check's expectation, then any rule that spans several keys. */
    public String allowed() {
        String own = check != null ? check.expected() : type == SettingType.BOOLEAN ? "true | false" : null;
        return own == null ? note : note == null ? own : own + "; " + note;
    }

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

    @Override
    public String toString() {
        return key;
    }

    /** Default: none (the key is optional and absent unless set). */
    Setting<T> defaultsTo(T value) {
        return new Setting<>(key, type, group, value, check, note, description);
    }

    /** The value's own validation, run on every value given (never on the default). */
    Setting<T> check(Check<? super T> value) {
        return new Setting<>(key, type, group, defaultValue, value, note, description);
    }

    /** A rule that spans several keys (enforced where they are read together), shown after the check's. */
    Setting<T> note(String value) {
        return new Setting<>(key, type, group, defaultValue, check, value, description);
    }

    /** Completes the catalogue entry with its description and registers it ({@link Settings#register}). */
    Setting<T> describe(String value) {
        Setting<T> setting = new Setting<>(key, type, group, defaultValue, check, note, value);
        if (setting.allowed() == null) {
            throw new IllegalStateException(key + ": a setting needs a check or a note saying what it allows");
        }
        return Settings.register(setting);
    }
}
