package com.example.helloecs.registry.lifecycle;

import java.util.Locale;

/** ECR's {@code selection.tagStatus}. */
public enum TagStatus {
    TAGGED, UNTAGGED, ANY;

    /** {@code tagged}, {@code untagged} or {@code any}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
