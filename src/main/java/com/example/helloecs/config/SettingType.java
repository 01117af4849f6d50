package com.example.helloecs.config;

/** The value types a setting may have; values from {@code -c key=value} arrive as strings and are coerced. */
public enum SettingType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    STRING_LIST("list of strings"),
    JSON("JSON");

    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
