package com.example.helloecs.registry.lifecycle;

/** ECR's {@code selection.countType}. */
public enum CountType {
    IMAGE_COUNT_MORE_THAN("imageCountMoreThan"), SINCE_IMAGE_PUSHED("sinceImagePushed");

    private final String json;

    CountType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
