package dev.tcpshaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps {@code dev.tcpshaker.internal} internal to tcp-shaker-core: the main sources of
 * every other module may use only core's public packages. It reads source text, so it
 * needs no compiled classes of the modules it guards; the project root comes from the
 * {@code tcpshaker.projectRoot} system property the pom sets.
 */
class ModuleBoundaryTests {

	private static final String CORE = "tcp-shaker-core";

	/** An import, static import or qualified name of the package or anything in it. */
	private static final Pattern INTERNAL = Pattern.compile("\\bdev\\.tcpshaker\\.internal[.;]");

	@Test
	void noModuleButCoreUsesCoreInternals() throws IOException {
		Path root = projectRoot();
		List<Path> sourceRoots = mainSourceRootsOutsideCore(root);
		// The modules it guards are in the scan, so an empty result means something.
		assertThat(sourceRoots).contains(root.resolve("tcp-shaker-spring-boot-autoconfigure/src/main/java"),
				root.resolve("sample-app/src/main/java"));
		assertThat(usesOfInternal(root, sourceRoots))
			.as("main sources outside %s that use dev.tcpshaker.internal", CORE)
			.isEmpty();
	}

	@Test
	void scanFindsTheUsesOfInternalInsideCore() throws IOException {
		Path root = projectRoot();
		assertThat(usesOfInternal(root, List.of(root.resolve(CORE + "/src/main/java"))))
			.anyMatch((use) -> use.startsWith(CORE + "/src/main/java/dev/tcpshaker/TcpShaker.java:"));
	}

	private static Path projectRoot() {
		Path root = Path.of(System.getProperty("tcpshaker.projectRoot", "..")).toAbsolutePath().normalize();
		assertThat(root.resolve(CORE + "/pom.xml")).as("the project root %s", root).isRegularFile();
		return root;
	}

	/** {@code src/main/java} of every module but core. */
	private static List<Path> mainSourceRootsOutsideCore(Path root) throws IOException {
		try (Stream<Path> modules = Files.list(root)) {
			return modules.filter((module) -> !module.getFileName().toString().equals(CORE))
				.map((module) -> module.resolve("src/main/java"))
				.filter(Files::isDirectory)
				.sorted()
				.toList();
		}
	}

	/** Each line that uses the internal package, as {@code path:line: text}. */
	private static List<String> usesOfInternal(Path root, List<Path> sourceRoots) throws IOException {
		List<String> uses = new ArrayList<>();
		for (Path sourceRoot : sourceRoots) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(sourceRoot)) {
				files = walk.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
			}
			for (Path file : files) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (INTERNAL.matcher(lines.get(i)).find()) {
						uses.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
					}
				}
			}
		}
		return uses;
	}

}
