package com.example.helloecs.stacks;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;

/** The stacks' outputs: the ID is the output's key, a public contract (docs, scripts and the pipeline read it). */
final class Outputs {
    private Outputs() {
    }

    static CfnOutput add(Stack stack, String id, String description, String value) {
        return CfnOutput.Builder.create(stack, id).description(description).value(value).build();
    }
}
