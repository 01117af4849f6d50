package com.example.helloecs.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class run against one moto_server and a project directory of its own, both for the whole class (a
 * subclass's {@code @BeforeAll} runs after this one's, with moto already up).
 */
abstract class MotoProjectTest {
    @AutoClose
    static MotoServer moto;

    @TempDir
    static Path project;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
    }
}
