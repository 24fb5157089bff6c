package dev.commerce.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start-up caches that let a service JVM skip most class loading and linking:
 * <ul>
 *   <li>on Java 25 and later, an AOT cache (JEP 483/515) trained by the service's first run under the launcher
 *       and used from the second on; it is kept per build of the service, so a rebuild trains a new one;</li>
 *   <li>on earlier versions, the AppCDS archive Quarkus builds next to the runner jar (made by the build's JDK,
 *       so only used by a runtime of that same feature version).</li>
 * </ul>
 * Measured effect: bench/footprint/REPORT.md.
 */
final class ClassDataCache {

    static final int AOT_CACHE_VERSION = 25;

    private ClassDataCache() {
    }

    static List<String> jvmOptions(JavaRuntime runtime, Path runnerJar, String service, Path cacheDir) {
        if (runtime.featureVersion() >= AOT_CACHE_VERSION) {
            return aotCache(runnerJar, service, cacheDir);
        }
        Path appCds = runnerJar.resolveSibling("app-cds.jsa");
        if (runtime.featureVersion() == Runtime.version().feature() && Files.isRegularFile(appCds)) {
            return List.of("-XX:SharedArchiveFile=" + appCds);
        }
        return List.of();
    }

    private static List<String> aotCache(Path runnerJar, String service, Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
            String build = Long.toString(Files.getLastModifiedTime(runnerJar).toMillis());
            Path cache = cacheDir.resolve(service + "-" + build + ".aot");
            if (Files.isRegularFile(cache)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            removeStaleCaches(cacheDir, service);
            // the JVM writes the cache when this run ends (Ctrl-C included); later runs start from it
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache of " + service + " in " + cacheDir, e);
        }
    }

    private static void removeStaleCaches(Path cacheDir, String service) throws IOException {
        try (Stream<Path> caches = Files.list(cacheDir)) {
            for (Path stale : caches.filter(p -> p.getFileName().toString().startsWith(service + "-")).toList()) {
                Files.deleteIfExists(stale);
            }
        }
    }
}
