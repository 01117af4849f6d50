package com.example.helloecs.config;

import java.util.Collections;
import java.util.Map;

/**
 * The validated value of every setting of one deployment, typed by its {@link Setting}: read once by
 * {@link ConfigReader}, then only read. A stack turns them into construct props with {@code get(KEY)}.
 */
public final class SettingValues {
    private final Map<Setting<?>, Object> values;

    SettingValues(Map<Setting<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The value of {@code setting}: what was configured, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException(setting.key() + " is not a per-deployment setting");
        }
        return (T) values.get(setting);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
