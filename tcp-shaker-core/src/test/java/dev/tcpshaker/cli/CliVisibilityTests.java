package dev.tcpshaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The CLI is a program, not an API: {@link TcpChecker} is its only public class.
 */
class CliVisibilityTests {

	@Test
	void onlyTcpCheckerIsPublicInTheCliPackage() throws Exception {
		List<Class<?>> classes = topLevelClassesBeside(TcpChecker.class);
		// The scan sees the package's other classes, so an empty result means something.
		assertThat(classes).contains(TcpChecker.class, CheckRun.class);
		assertThat(classes).filteredOn((type) -> Modifier.isPublic(type.getModifiers()))
			.as("public classes in %s", TcpChecker.class.getPackageName())
			.containsExactly(TcpChecker.class);
	}

	/** The compiled top-level classes of {@code anchor}'s package, from its class directory. */
	private static List<Class<?>> topLevelClassesBeside(Class<?> anchor) throws IOException, URISyntaxException {
		Path directory = Path.of(anchor.getResource(anchor.getSimpleName() + ".class").toURI()).getParent();
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".class") && !name.contains("$"))
				.sorted()
				.<Class<?>>map((name) -> load(anchor.getPackageName() + "." + name.replace(".class", "")))
				.toList();
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, CliVisibilityTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
