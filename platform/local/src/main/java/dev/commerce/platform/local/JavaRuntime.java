package dev.commerce.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK or JRE installation the services run on, with its feature version (17, 21, 25...). */
public record JavaRuntime(Path home, int featureVersion) {

    private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    /** The runtime this JVM runs on. */
    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** The runtime installed at {@code home}, read from its {@code release} file. */
    public static JavaRuntime at(Path home) {
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (!version.find()) {
                throw new IllegalArgumentException(home + "/release names no JAVA_VERSION");
            }
            return new JavaRuntime(home, Integer.parseInt(version.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(home + " is not a Java installation (no release file)", e);
        }
    }

    public Path javaExecutable() {
        return home.resolve("bin").resolve("java");
    }
}
