package dev.tcpshaker.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import dev.tcpshaker.TcpShaker;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code tcpShaker} health
 * contributor: one indicator per configured target, so each has its own path,
 * {@code /actuator/health/tcpShaker/<name>}, and can join a health group.
 * <p>
 * The indicators share their checks through {@code SharedCheckRounds}: Boot asks them
 * one after another, yet a request waits about one timeout, not one per target.
 */
@AutoConfiguration(after = TcpShakerAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBooleanProperty(name = "tcpshaker.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(TcpShaker.class)
@ConditionalOnEnabledHealthIndicator("tcpshaker")
@Conditional(OnTargetsCondition.class)
@EnableConfigurationProperties(TcpShakerProperties.class)
public final class TcpShakerHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "tcpShakerHealthIndicator", "tcpShakerHealthContributor" })
	HealthContributor tcpShakerHealthContributor(TcpShaker tcpShaker, TcpShakerProperties properties) {
		Map<String, CheckTarget> targets = targets(properties);
		SharedCheckRounds rounds = new SharedCheckRounds(tcpShaker, targets.values().stream().toList());
		return CompositeHealthContributor.fromMap(targets,
				(target) -> new TcpShakerHealthIndicator(target, rounds, tcpShaker.method()));
	}

	/**
	 * The configured targets by name, each with its own timeout or else the global one.
	 */
	static Map<String, CheckTarget> targets(TcpShakerProperties properties) {
		Map<String, CheckTarget> targets = new LinkedHashMap<>();
		properties.getTargets().forEach((name, target) -> {
			Duration timeout = (target.getTimeout() != null) ? target.getTimeout() : properties.getTimeout();
			targets.put(name, new CheckTarget(name, target.getHost(), target.getPort(), timeout));
		});
		return targets;
	}

}
