package com.example.helloecs.config;

import java.util.Collections;
import java.util.Map;

/**
 * The validated value of every setting of one deployment, typed by its {@link Setting}: read once by
 * {@link ConfigReader}, then only read. A stack turns them into construct props with {@code get(KEY)}.
 *
 * @param values each per-deployment setting's value (null for an optional setting left unset)
 */
public record SettingValues(Map<Setting<?>, Object> values) {
    public SettingValues {
        values = Collections.unmodifiableMap(values);
    }

    /** The value of {@code setting}: what was configured, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        if (!values.containsKey(setting)) {
            throw new IllegalArgumentException(setting.key() + " is not a per-deployment setting");
        }
        return (T) values.get(setting);
    }
}
