package com.example.helloecs.config;

import static com.example.helloecs.config.Settings.IMAGE_BUILD_ARGS;
import static com.example.helloecs.config.Settings.IMAGE_DIRECTORY;
import static com.example.helloecs.config.Settings.IMAGE_DOCKERFILE;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The image the service runs: built from a directory of this project as a CDK image asset. Defaults: {@link Settings}.
 *
 * @param directory  the directory as configured ({@code image.directory}), relative to the project root
 * @param path       that directory resolved against the project root (absolute), for the asset and the checks
 * @param dockerfile the Dockerfile, relative to {@code directory}
 * @param buildArgs  extra build arguments (never {@code PORT}, which the app sets from {@code service.containerPort})
 */
public record ImageConfig(String directory, Path path, String dockerfile, Map<String, String> buildArgs) {
    /** The build argument the app always passes: the container port. */
    public static final String PORT_BUILD_ARG = "PORT";
    /** The Dockerfile name Docker (and the CDK) use when none is given. */
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";
    private static final Pattern BUILD_ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public ImageConfig {
        buildArgs = Collections.unmodifiableMap(new LinkedHashMap<>(buildArgs));
    }

    /** Whether the Dockerfile is the default one, so the asset needs no explicit file (and keeps its hash). */
    public boolean defaultDockerfile() {
        return DEFAULT_DOCKERFILE.equals(dockerfile);
    }

    /**
     * Reads and checks the image settings; the directory and Dockerfile must exist, relative to {@code projectRoot}
     * (where {@code cdk synth} runs the app). A {@code null} root skips the file checks (and resolves against the
     * working directory).
     */
    static ImageConfig read(Values v, Path projectRoot) {
        Problems p = v.problems();
        boolean checkFiles = projectRoot != null;
        Path root = checkFiles ? projectRoot : Path.of("");
        String directory = v.get(IMAGE_DIRECTORY);
        Path path = null;
        try {
            path = root.resolve(directory).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            p.add(IMAGE_DIRECTORY.key(), directory, "a valid directory path: " + IMAGE_DIRECTORY.allowed());
        }
        boolean directoryOk = path != null && checkFiles && Files.isDirectory(path);
        if (path != null && checkFiles && !directoryOk) {
            p.add(IMAGE_DIRECTORY.key(), directory, "an existing directory relative to the project root ("
                    + root.toAbsolutePath().normalize() + "): " + (Files.exists(path) ? "this is not a directory"
                    : "it does not exist"));
        }

        String dockerfile = v.get(IMAGE_DOCKERFILE);
        Path file = null;
        try {
            file = Path.of(dockerfile);
        } catch (InvalidPathException e) {
            p.add(IMAGE_DOCKERFILE.key(), dockerfile, "a valid file path: " + IMAGE_DOCKERFILE.allowed());
        }
        if (file != null && (file.isAbsolute() || file.normalize().startsWith(".."))) {
            // The asset's build context is the directory: a Dockerfile outside it is not sent to the build.
            p.add(IMAGE_DOCKERFILE.key(), dockerfile, "a path inside image.directory (relative, no ..)");
        } else if (file != null && directoryOk && !Files.isRegularFile(path.resolve(file))) {
            p.add(IMAGE_DOCKERFILE.key(), dockerfile, "an existing file inside image.directory (" + directory + ")");
        }

        return new ImageConfig(directory, path, dockerfile, buildArgs(v.get(IMAGE_BUILD_ARGS), p));
    }

    private static Map<String, String> buildArgs(Object json, Problems p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(json instanceof Map<?, ?> map)) {
            p.add(IMAGE_BUILD_ARGS.key(), json, "a JSON object of string names to string values, e.g. "
                    + "{\"APP_VERSION\": \"1.2.3\"}");
            return out;
        }
        map.forEach((k, value) -> {
            String name = String.valueOf(k);
            String at = IMAGE_BUILD_ARGS.key() + "." + name;
            if (PORT_BUILD_ARG.equals(name)) {
                p.add(at, value, "a name other than PORT: the app passes service.containerPort as the PORT build "
                        + "argument");
            } else if (!BUILD_ARG_NAME.matcher(name).matches()) {
                p.add(IMAGE_BUILD_ARGS.key(), name, "build argument names of letters, digits and _ (not starting "
                        + "with a digit, up to 128 characters)");
            } else if (!(value instanceof String s)) {
                p.add(at, value, "a string value (quote numbers and booleans)");
            } else {
                out.put(name, s);
            }
        });
        return out;
    }
}
