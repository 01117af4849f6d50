package com.example.helloecs.registry.lifecycle;

/** ECR's {@code selection.tagStatus}. */
public enum TagStatus {
    TAGGED("tagged"), UNTAGGED("untagged"), ANY("any");

    private final String json;

    TagStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
