package com.example.helloecs.config;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One documented configuration key with its type, default, validation and description: everything about a setting
 * is declared once, in its catalogue entry ({@link Settings}). Building it registers it, so parsing, unknown-key
 * detection, validation and the configuration reference (docs/configuration.md) all come from the same entry.
 *
 * @param <T> the value type: {@code String}, {@code Integer}, {@code Boolean}, {@code List<String>} or a JSON
 *            structure ({@code Object})
 */
public final class Setting<T> {
    private final String key;
    private final SettingType type;
    private final String group;
    private final T defaultValue;
    private final Check<? super T> check;
    private final String note;
    private final String description;

    private Setting(Builder<T> b, String description) {
        this.key = b.key;
        this.type = b.type;
        this.group = b.group;
        this.defaultValue = b.defaultValue;
        this.check = b.check;
        this.note = b.note;
        this.description = description;
    }

    /** The CDK context key. */
    public String key() {
        return key;
    }

    public SettingType type() {
        return type;
    }

    /** The group it belongs to in the catalogue and the reference (sleeper's property groups). */
    public String group() {
        return group;
    }

    /** The default, as a value of the setting's type; {@code null} when the key is optional without default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The setting's own validation, or {@code null} when its type says all (booleans) or a reader checks it. */
    public Check<? super T> check() {
        return check;
    }

    /** What values are allowed: the check's expectation, then any rule that spans several keys. */
    public String allowed() {
        String own = check != null ? check.expected() : type == SettingType.BOOLEAN ? "true | false" : null;
        return own == null ? note : note == null ? own : own + "; " + note;
    }

    public String description() {
        return description;
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

    /** Declares a setting; {@link #describe} builds it and hands it to the catalogue's registry. */
    public static final class Builder<T> {
        private final String key;
        private final SettingType type;
        private final String group;
        private final Consumer<Setting<?>> registry;
        private T defaultValue;
        private Check<? super T> check;
        private String note;

        Builder(String key, SettingType type, String group, Consumer<Setting<?>> registry) {
            this.key = Objects.requireNonNull(key);
            this.type = type;
            this.group = Objects.requireNonNull(group, "a setting's group");
            this.registry = registry;
        }

        /** Default: none (the key is optional and absent unless set). */
        public Builder<T> defaultsTo(T value) {
            this.defaultValue = value;
            return this;
        }

        /** The value's own validation, run on every value given (never on the default). */
        public Builder<T> check(Check<? super T> value) {
            this.check = value;
            return this;
        }

        /**
         * A rule the setting's own check cannot express because it spans several keys (it is enforced where those
         * keys are read together); shown after the check's expectation in the reference.
         */
        public Builder<T> note(String value) {
            this.note = value;
            return this;
        }

        /** Builds the setting with its description and registers it. */
        public Setting<T> describe(String description) {
            Setting<T> setting = new Setting<>(this, description);
            if (setting.allowed() == null) {
                throw new IllegalStateException(key + ": a setting needs a check or a note saying what it allows");
            }
            registry.accept(setting);
            return setting;
        }
    }
}
