package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tcpshaker.CheckMethod;
import dev.tcpshaker.CheckOutcome;
import dev.tcpshaker.StealthSelfTest;
import dev.tcpshaker.TcpShaker;
import dev.tcpshaker.spring.TcpShakerLifecycle;
import dev.tcpshaker.test.FileDescriptors;
import dev.tcpshaker.test.LoopbackServers;
import dev.tcpshaker.test.LoopbackServers.CountingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TcpShakerAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TcpShakerAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class));

	@Test
	void runShouldCreateTcpShaker() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(TcpShaker.class).hasSingleBean(TcpShakerLifecycle.class);
			assertThat(context.getBean(TcpShakerLifecycle.class).isRunning()).isTrue();
		});
	}

	@Test
	void runShouldCreateTcpShakerThatChecksLoopbackWithoutAConnection() {
		try (CountingListener listener = LoopbackServers.listener()) {
			this.contextRunner.withPropertyValues("tcpshaker.method=half-open").run((context) -> {
				TcpShaker shaker = context.getBean(TcpShaker.class);
				assertThat(shaker.method()).isEqualTo(CheckMethod.HALF_OPEN);
				assertThat(shaker.check("127.0.0.1", listener.port()).outcome()).isEqualTo(CheckOutcome.UP);
				assertThat(listener.acceptCount()).isZero();
			});
		}
	}

	@Test
	void runWithMethodConnectShouldCreateConnectingTcpShaker() {
		this.contextRunner.withPropertyValues("tcpshaker.method=connect")
			.run((context) -> assertThat(context.getBean(TcpShaker.class).method()).isEqualTo(CheckMethod.CONNECT));
	}

	@Test
	void runWhenUserDefinesTcpShakerShouldBackOff() {
		this.contextRunner.withUserConfiguration(UserTcpShakerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TcpShaker.class).doesNotHaveBean(TcpShakerLifecycle.class);
			assertThat(context.getBean(TcpShaker.class)).isSameAs(context.getBean("userTcpShaker"));
		});
	}

	@Test
	void runWhenDisabledShouldNotCreateTcpShaker() {
		this.contextRunner.withPropertyValues("tcpshaker.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TcpShaker.class)
				.doesNotHaveBean(TcpShakerLifecycle.class)
				.doesNotHaveBean(TcpShakerProperties.class));
	}

	@Test
	void runWithoutActuatorShouldStillCreateTcpShaker() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(TcpShakerAutoConfiguration.class,
					TcpShakerHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.withPropertyValues("tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TcpShaker.class)
				.doesNotHaveBean("tcpShakerHealthContributor"));
	}

	@Test
	void runWithTargetWithoutHostShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.host must be set", "tcpshaker.targets.db.port=5432");
	}

	@Test
	void runWithTargetWithBlankHostShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.host must be set but was blank", "tcpshaker.targets.db.host= ",
				"tcpshaker.targets.db.port=5432");
	}

	@Test
	void runWithTargetWithoutPortShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.port must be set", "tcpshaker.targets.db.host=127.0.0.1");
	}

	@Test
	void runWithPortAboveRangeShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.port must be in 1..65535 but was 70000",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=70000");
	}

	@Test
	void runWithMalformedAddressHostShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.host must be a valid IPv4 address but was '127.0.0.256'",
				"tcpshaker.targets.db.host=127.0.0.256", "tcpshaker.targets.db.port=5432");
	}

	@Test
	void runWithHostThatIncludesAPortShouldFailNamingThePortProperty() {
		assertStartupFailsWith("tcpshaker.targets.db.host must not include a port: set tcpshaker.targets.db.port",
				"tcpshaker.targets.db.host=127.0.0.1:80", "tcpshaker.targets.db.port=80");
		assertStartupFailsWith("tcpshaker.targets.db.host must not include a port: set tcpshaker.targets.db.port",
				"tcpshaker.targets.db.host=[::1]:80", "tcpshaker.targets.db.port=80");
	}

	@Test
	void runWithHostOfCharactersNoHostNameHoldsShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.host must be a valid host name, of ASCII letters, digits, '-', "
				+ "'_' and '.', but was 'db/x'", "tcpshaker.targets.db.host=db/x", "tcpshaker.targets.db.port=80");
	}

	@Test
	void runWithDottedTargetNameShouldFailSayingToUseBrackets() {
		this.contextRunner
			.withPropertyValues("tcpshaker.targets.plain.db.host=127.0.0.1", "tcpshaker.targets.plain.db.port=5432")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(UnboundConfigurationPropertiesException.class)
					.hasMessageContaining("tcpshaker.targets.plain.db.host");
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Property: tcpshaker.targets.plain.db.host")
					.contains("Property: tcpshaker.targets.plain.db.port")
					.contains("a target name that contains a dot must be in brackets, as in "
							+ "tcpshaker.targets[plain.db].host");
				assertThat(analysis.getAction())
					.contains("write tcpshaker.targets[plain.db].host instead of tcpshaker.targets.plain.db.host")
					.contains("write tcpshaker.targets[plain.db].port instead of tcpshaker.targets.plain.db.port");
			});
	}

	@Test
	void runWithMisspeltTargetPropertyShouldFailListingTheTargetProperties() {
		this.contextRunner.withPropertyValues("tcpshaker.targets.db.hots=127.0.0.1").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: tcpshaker.targets.db.hots")
				.contains("a target has only down-interval, fall, fast-interval, host, interval, jitter, port, rise and timeout");
			assertThat(analysis.getAction()).contains("correct or remove tcpshaker.targets.db.hots");
		});
	}

	@Test
	void runWithUnknownPropertyShouldFailListingTheProperties() {
		this.contextRunner.withPropertyValues("tcpshaker.timout=1s").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Property: tcpshaker.timout")
				.contains("tcpshaker has only down-interval, enabled, engine, fall, fast-interval, interval, jitter, max-in-flight, method, rise, targets and timeout");
		});
	}

	@Test
	void failureAnalyzerLeavesOtherUnboundPropertiesToBoot() {
		ConfigurationProperty other = new ConfigurationProperty(ConfigurationPropertyName.of("other.targets.a.b.host"),
				"127.0.0.1", null);
		assertThat(analyze(new UnboundConfigurationPropertiesException(Set.of(other)))).isNull();
	}

	@Test
	void startupWithDottedTargetNameShouldShowBracketFormInFailureAnalysis(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(ImportTcpShakerConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("tcpshaker.targets.plain.db.host=127.0.0.1", "tcpshaker.targets.plain.db.port=5432");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: tcpshaker.targets.plain.db.host")
			.contains("write tcpshaker.targets[plain.db].host instead of tcpshaker.targets.plain.db.host")
			.doesNotContain("were left unbound");
	}

	@Test
	void runWithPortZeroShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.port must be in 1..65535 but was 0",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=0");
	}

	@Test
	void runWithZeroTimeoutShouldFail() {
		assertStartupFailsWith("tcpshaker.timeout must be positive but was PT0S", "tcpshaker.timeout=0s");
	}

	@Test
	void runWithNegativeTargetTimeoutShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.db.timeout must be positive but was PT-0.5S",
				"tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=5432",
				"tcpshaker.targets.db.timeout=-500ms");
	}

	@Test
	void runWithZeroMaxInFlightShouldFail() {
		assertStartupFailsWith("tcpshaker.max-in-flight must be positive but was 0", "tcpshaker.max-in-flight=0");
	}

	@Test
	void runWithSlashInTargetNameShouldFail() {
		assertStartupFailsWith("tcpshaker.targets.a/b must not contain '/' in its name",
				"tcpshaker.targets[a/b].host=127.0.0.1", "tcpshaker.targets[a/b].port=5432");
	}

	@Test
	void startupWithBadPortShouldShowPropertyInFailureAnalysis(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(ImportTcpShakerConfiguration.class)
			.web(WebApplicationType.NONE)
			.properties("tcpshaker.targets.db.host=127.0.0.1", "tcpshaker.targets.db.port=70000");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("tcpshaker.targets.db.port must be in 1..65535 but was 70000")
			.doesNotContain("\tat dev.tcpshaker");
	}

	@Test
	void closeShouldStopLoopAndReleaseEveryFileDescriptor() {
		try (CountingListener listener = LoopbackServers.listener()) {
			// A first run loads the classes and opens the jars that stay open for good.
			this.contextRunner.run((context) -> context.getBean(TcpShaker.class).check("127.0.0.1", listener.port()));
			int baseline = FileDescriptors.count();
			this.contextRunner.run((context) -> {
				TcpShaker shaker = context.getBean(TcpShaker.class);
				assertThat(shaker.check("localhost", listener.port()).outcome()).isEqualTo(CheckOutcome.UP);
				assertThat(shakerThreads()).isNotEmpty();
			});
			FileDescriptors.awaitAtMost(baseline);
			// The loop thread is joined on stop; name-lookup threads end just after the pool's shutdown.
			await("no tcp-shaker threads").atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(shakerThreads()).isEmpty());
		}
	}

	@Test
	void autoConfigurationImportsListEveryAutoConfiguration() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(TcpShakerAutoConfiguration.class.getName(), TargetMonitorAutoConfiguration.class.getName(),
					TcpShakerHealthContributorAutoConfiguration.class.getName(),
					TcpShakerMetricsAutoConfiguration.class.getName(),
					TcpShakerEndpointAutoConfiguration.class.getName());
	}

	@Test
	void runShouldVerifyStealthInTheBackgroundAndLogIt(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			StealthSelfTestLifecycle selfTest = context.getBean(StealthSelfTestLifecycle.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> selfTest.result().verdict() != StealthSelfTest.Verdict.UNKNOWN);
			assertThat(selfTest.result().verdict()).isEqualTo(StealthSelfTest.Verdict.VERIFIED);
			await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains("stealth verified"));
		});
		assertThat(output).containsPattern("INFO .*tcp-shaker: stealth verified: a HALF_OPEN check of a loopback"
				+ " listener saw the SYN-ACK and the listener accepted nothing 300 ms later")
			.doesNotContain("stealth NOT verified");
	}

	@Test
	void runWithMethodConnectShouldWarnOnceThatStealthIsNotVerified(CapturedOutput output) {
		this.contextRunner.withPropertyValues("tcpshaker.method=connect").run((context) -> {
			StealthSelfTestLifecycle selfTest = context.getBean(StealthSelfTestLifecycle.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> selfTest.result().verdict() == StealthSelfTest.Verdict.NOT_VERIFIED);
			await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains("stealth NOT verified"));
		});
		assertThat(output.toString().split("stealth NOT verified", -1)).hasSize(2);
		assertThat(output).containsPattern("WARN .*tcp-shaker: stealth NOT verified: .*Targets will see a connection");
	}

	@Test
	void runWhenUserDefinesTcpShakerShouldStillSelfTestIt() {
		this.contextRunner.withUserConfiguration(UserTcpShakerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(StealthSelfTestLifecycle.class));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		return new UnboundTcpShakerPropertyFailureAnalyzer().analyze(failure);
	}

	private void assertStartupFailsWith(String message, String... properties) {
		this.contextRunner.withPropertyValues(properties)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
	}

	private static Set<String> shakerThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.map(Thread::getName)
			.filter((name) -> name.startsWith("tcp-shaker-"))
			.collect(Collectors.toSet());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserTcpShakerConfiguration {

		@Bean
		TcpShaker userTcpShaker() {
			return TcpShaker.builder().method(CheckMethod.CONNECT).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TcpShakerAutoConfiguration.class)
	static class ImportTcpShakerConfiguration {

	}

}
