package dev.tcpshaker.autoconfigure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata that the annotation processor writes for
 * {@link TcpShakerProperties}: IDEs show these descriptions while users type.
 */
class TcpShakerMetadataTests {

	private static String metadata;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException, URISyntaxException {
		// Next to the compiled TcpShakerProperties, not any copy elsewhere on the class path.
		Path classes = Path.of(TcpShakerProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		metadata = Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json"));
	}

	@Test
	void timeoutIsDescribedWithItsDefault() {
		Map<String, Object> timeout = property("tcpshaker.timeout");
		assertThat(timeout).containsEntry("type", "java.time.Duration").containsEntry("defaultValue", "1s");
		assertThat((String) timeout.get("description")).startsWith("Time a check may take");
	}

	@Test
	void everyPropertyHasADescription() {
		List<Map<String, Object>> properties = JsonPath.read(metadata, "$.properties[?(@.name =~ /tcpshaker\\..*/)]");
		assertThat(properties).extracting((property) -> property.get("name"))
			.containsExactlyInAnyOrder("tcpshaker.enabled", "tcpshaker.engine", "tcpshaker.method",
					"tcpshaker.timeout", "tcpshaker.interval", "tcpshaker.fast-interval", "tcpshaker.down-interval",
					"tcpshaker.rise", "tcpshaker.fall", "tcpshaker.jitter", "tcpshaker.max-in-flight",
					"tcpshaker.targets");
		assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank());
	}

	@Test
	void scheduleIsDescribedWithItsDefaults() {
		assertThat(property("tcpshaker.interval")).containsEntry("defaultValue", "2s");
		assertThat(property("tcpshaker.rise")).containsEntry("defaultValue", 2);
		assertThat(property("tcpshaker.fall")).containsEntry("defaultValue", 3);
		assertThat(property("tcpshaker.jitter")).containsEntry("defaultValue", 0.1);
	}

	@Test
	void targetsDescribeEachTargetProperty() {
		Map<String, Object> targets = property("tcpshaker.targets");
		assertThat((String) targets.get("type")).endsWith("TcpShakerProperties$Target>");
		assertThat((String) targets.get("description")).contains("'host'", "'port' (1..65535)", "'timeout'",
				"'interval'", "'fast-interval'", "'down-interval'", "'rise'", "'fall'", "'jitter'",
				"default to the 'tcpshaker.*' ones");
	}

	@Test
	void healthIndicatorSwitchIsDescribed() {
		assertThat(property("management.health.tcpshaker.enabled")).containsEntry("defaultValue", true)
			.containsKey("description");
	}

	@Test
	void booleanDescriptionsStartWithWhether() {
		assertThat((String) property("tcpshaker.enabled").get("description")).startsWith("Whether");
	}

	private static Map<String, Object> property(String name) {
		List<Map<String, Object>> matches = JsonPath.read(metadata, "$.properties[?(@.name == '" + name + "')]");
		assertThat(matches).as(name).hasSize(1);
		return matches.get(0);
	}

}
