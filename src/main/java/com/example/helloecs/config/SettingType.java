package com.example.helloecs.config;

import java.util.List;

/**
 * A setting's value type: its label in the reference and how {@link Values} reads a raw value into it (values from
 * {@code -c key=value} arrive as strings and are coerced).
 *
 * @param <T> the type of the values
 */
public record SettingType<T>(String label, Reader reader) {
    public static final SettingType<String> STRING = new SettingType<>("string", Values::string);
    public static final SettingType<Integer> INTEGER = new SettingType<>("integer", Values::integer);
    public static final SettingType<Double> NUMBER = new SettingType<>("number", Values::number);
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("boolean", Values::bool);
    public static final SettingType<List<String>> STRING_LIST = new SettingType<>("list of strings", Values::list);
    public static final SettingType<Object> JSON = new SettingType<>("JSON", Values::json);

    /** Reads a set value of {@code s}; a value of the wrong type is reported and the default returned. */
    interface Reader {
        Object read(Values values, Setting<?> s, Object raw);
    }
}
