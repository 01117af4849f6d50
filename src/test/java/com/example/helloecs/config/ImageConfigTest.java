package com.example.helloecs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image settings: defaults, paths resolved against the project root, and every bad input named. */
class ImageConfigTest {
    private static final String FIXTURE = "src/test/resources/images/hello-busybox";

    @Test
    void defaultsToTheApachePageInDocker() {
        ImageConfig image = ConfigReader.read(Map.of()).deployment().image();
        assertThat(image.directory()).isEqualTo("docker");
        assertThat(image.path()).isAbsolute().isEqualTo(Path.of("docker").toAbsolutePath());
        assertThat(image.dockerfile()).isEqualTo("Dockerfile");
        assertThat(image.defaultDockerfile()).isTrue();
        assertThat(image.buildArgs()).isEmpty();
    }

    @Test
    void readsDirectoryDockerfileAndBuildArgsFromTheCommandLine() {
        ImageConfig image = ConfigReader.read(Map.of("image.directory", FIXTURE, "image.dockerfile", "web.Dockerfile",
                "image.buildArgs", "{\"GREETING\": \"Hi\", \"B\": \"2\"}")).deployment().image();
        assertThat(image.path()).isEqualTo(Path.of(FIXTURE).toAbsolutePath());
        assertThat(image.dockerfile()).isEqualTo("web.Dockerfile");
        assertThat(image.defaultDockerfile()).isFalse();
        assertThat(image.buildArgs()).containsExactly(Map.entry("GREETING", "Hi"), Map.entry("B", "2"));
    }

    @Test
    void theDirectoryIsRelativeToTheGivenProjectRoot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("web"));
        Files.writeString(root.resolve("web/Dockerfile"), "FROM scratch\n");
        ImageConfig image = ConfigReader.read(Map.of("image.directory", "web"), root).deployment().image();
        assertThat(image.path()).isEqualTo(root.resolve("web").toAbsolutePath());
        // The same setting from another working directory is a problem, not a silent fallback.
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.directory", "web"), root.resolve("elsewhere")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.directory: got \"web\"; expected an existing directory");
    }

    @Test
    void withoutAProjectRootPathsAreNotChecked() {
        // The project's commands (lifecycle preview, scan findings) never build the image.
        ImageConfig image = ConfigReader.read(Map.of("image.directory", "no-such-dir"), null).deployment().image();
        assertThat(image.path()).isEqualTo(Path.of("no-such-dir").toAbsolutePath());
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.directory", "no-such-dir")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.directory: got \"no-such-dir\"; expected an existing directory "
                        + "relative to the project root")
                .hasMessageContaining("it does not exist");
    }

    @Test
    void aFileIsNotADirectory() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.directory", "pom.xml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.directory: got \"pom.xml\"")
                .hasMessageContaining("this is not a directory");
    }

    @Test
    void aMissingDockerfileIsNamed() {
        // The fixture's Dockerfile is web.Dockerfile: the default name does not exist there.
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.directory", FIXTURE)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.dockerfile: got \"Dockerfile\"; expected an existing file inside "
                        + "image.directory (" + FIXTURE + ")");
    }

    @Test
    void aDockerfileOutsideTheBuildContextIsRejected() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.dockerfile", "../pom.xml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.dockerfile: got \"../pom.xml\"; expected a path inside image.directory");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.dockerfile", "/etc/hostname")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.dockerfile: got \"/etc/hostname\"; expected a path inside image.directory");
    }

    @Test
    void portIsReservedForTheContainerPort() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.buildArgs", Map.of("PORT", "80"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.buildArgs.PORT: got \"80\"; expected a name other than PORT: the app "
                        + "passes service.containerPort as the PORT build argument");
    }

    @Test
    void buildArgsMustBeAnObjectOfStrings() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.buildArgs", "[\"A=1\"]")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.buildArgs: got [A=1]; expected a JSON object of string names to string values");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.buildArgs", "{\"VERSION\": 2}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.buildArgs.VERSION: got 2; expected a string value");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.buildArgs", "{\"1st\": \"x\"}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.buildArgs: got \"1st\"; expected build argument names of letters");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.buildArgs", "{oops")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("image.buildArgs: got \"{oops\"; expected valid JSON");
    }

    @Test
    void healthCheckPathMustBeAnAbsolutePrintablePath() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("service.healthCheckPath", "health")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("service.healthCheckPath: got \"health\"; expected an absolute URL path");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("service.healthCheckPath", "/he alth")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("service.healthCheckPath: got \"/he alth\"");
        assertThatThrownBy(() -> ConfigReader.read(Map.of("service.healthCheckPath", "/o\u0007k")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("service.healthCheckPath: got \"/o\u0007k\"");
        String tooLong = "/" + "a".repeat(1024);
        assertThatThrownBy(() -> ConfigReader.read(Map.of("service.healthCheckPath", tooLong)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(max 1024 characters)");
        assertThat(ConfigReader.read(Map.of("service.healthCheckPath", "/" + "a".repeat(1023)))
                .deployment().settings().get(Settings.HEALTH_CHECK_PATH)).hasSize(1024);
    }

    @Test
    void imageProblemsAreReportedTogetherWithTheOthers() {
        assertThatThrownBy(() -> ConfigReader.read(Map.of("image.directory", "no-such-dir",
                "image.buildArgs", Map.of("PORT", "1"), "service.healthCheckPath", "x", "service.cpu", 3)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid configuration (4 problems; nothing was synthesized)")
                .hasMessageContaining("image.directory: got \"no-such-dir\"")
                .hasMessageContaining("image.buildArgs.PORT")
                .hasMessageContaining("service.healthCheckPath: got \"x\"")
                .hasMessageContaining("service.cpu: got 3");
    }
}
